package io.shepherd.runtime.operators;

/**
 * Ack mode's answer to a record a user function threw on: fail the trees the record belongs to, so their
 * sources emit them again, instead of failing the job.
 */
public interface RecordFailures {
    /** Fails the record being processed; false when none is tracked (a timer's work, say). */
    boolean failCurrentRecord();
}
