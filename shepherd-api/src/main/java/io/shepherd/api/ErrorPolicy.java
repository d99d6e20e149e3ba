package io.shepherd.api;

/**
 * What happens when a user function throws on a record. Chosen per job and overridable per
 * operator. Whatever the policy, the record's failure is counted in the operator's metrics.
 */
public enum ErrorPolicy {
    /** The job fails, naming the operator, subtask and record. The default. */
    FAIL,
    /** The record is dropped, logged and counted; processing goes on. */
    SKIP,
    /**
     * The record, the operator and the exception go to the job's dead-letter sink
     * ({@link StreamEnvironment#setDeadLetterSink}); processing goes on.
     */
    DEAD_LETTER
}
