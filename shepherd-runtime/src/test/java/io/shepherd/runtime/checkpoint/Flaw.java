package io.shepherd.runtime.checkpoint;

/** Deliberate bugs the coordinator simulation must catch; a harness that cannot fail proves nothing. */
enum Flaw {
    NONE,
    /** Tells tasks a checkpoint completed as soon as every task acknowledged, before its record is durable. */
    COMPLETES_BEFORE_DURABLE,
    /** Counts acknowledgement messages, not tasks: a duplicate stands in for a task that never answered. */
    COUNTS_DUPLICATE_ACKS,
    /** Forgets to delete the files of an aborted checkpoint. */
    KEEPS_ABORTED_FILES
}
