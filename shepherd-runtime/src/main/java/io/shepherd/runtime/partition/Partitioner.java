package io.shepherd.runtime.partition;

/**
 * Chooses the receiving subtask of a record. One instance per sending subtask and edge, used by
 * one thread, so implementations may keep state (a round-robin cursor).
 */
public interface Partitioner {
    /** The receiver index in {@code [0, receivers)}, or {@link #ALL} to send to every receiver. */
    int select(Object record) throws Exception;

    int ALL = -1;
}
