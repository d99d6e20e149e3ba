package io.shepherd.runtime.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

/** The engine names every thread it starts {@code shepherd-...}; none may outlive its job. */
public final class ShepherdThreads {
    private ShepherdThreads() {}

    public static List<String> alive() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(Thread::isAlive)
                .map(Thread::getName)
                .filter(name -> name.startsWith("shepherd-"))
                .sorted()
                .toList();
    }

    public static void assertNoneAlive() {
        assertThat(alive()).as("engine threads alive after the job ended").isEmpty();
    }
}
