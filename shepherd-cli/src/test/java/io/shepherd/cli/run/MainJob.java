package io.shepherd.cli.run;

import java.util.List;

/** A job with a main method, as a user might write one without implementing Job. */
public final class MainJob {
    static volatile List<String> seenArgs;
    static volatile String seenProperty;

    public static void main(String[] args) {
        seenArgs = List.of(args);
        seenProperty = System.getProperty("main.job.greeting");
    }
}
