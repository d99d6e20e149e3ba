package io.shepherd.runtime.graph;

/** A job that cannot run as described; thrown before anything starts, naming what and where. */
public final class InvalidJobException extends IllegalArgumentException {
    public InvalidJobException(String jobName, String problem) {
        super("invalid job '" + jobName + "': " + problem);
    }

    public InvalidJobException(String jobName, String problem, Throwable cause) {
        super("invalid job '" + jobName + "': " + problem, cause);
    }
}
