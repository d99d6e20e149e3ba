package io.shepherd.cli.run;

import io.shepherd.api.Job;
import java.lang.reflect.Method;

/** A job class that {@code shepherd run} can start, in one of the two forms it accepts. */
sealed interface LoadedJob {

    /** A class implementing {@link Job}: the command builds it in an environment it configured. */
    record Buildable(Job job) implements LoadedJob {}

    /** A class with {@code public static void main(String[])}: it builds and runs its job itself. */
    record WithMain(Class<?> type, Method main) implements LoadedJob {}
}
