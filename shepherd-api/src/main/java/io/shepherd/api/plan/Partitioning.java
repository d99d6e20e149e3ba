package io.shepherd.api.plan;

/** How records on an edge are spread over the receiving operator's parallel subtasks. */
public enum Partitioning {
    /** {@link #FORWARD} when both sides have the same parallelism, {@link #REBALANCE} otherwise. */
    DEFAULT,
    /** Subtask i sends to subtask i only; both sides must have the same parallelism. */
    FORWARD,
    /** By key: every record of a key goes to the same subtask. */
    HASH,
    /** Round robin over all receivers. */
    REBALANCE,
    /** Every record to every receiver. */
    BROADCAST
}
