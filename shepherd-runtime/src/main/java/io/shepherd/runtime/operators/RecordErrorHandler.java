package io.shepherd.runtime.operators;

import io.shepherd.api.DeadLetter;
import io.shepherd.api.ErrorPolicy;
import io.shepherd.runtime.Records;
import io.shepherd.runtime.metrics.OperatorCounters;
import io.shepherd.runtime.partition.NullKeyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies an operator's {@link ErrorPolicy} to a record its function threw on, so that one poison
 * record fails the job clearly, or is set aside, but never loops the job through restarts.
 */
public final class RecordErrorHandler {
    private static final Logger LOG = LoggerFactory.getLogger(RecordErrorHandler.class);
    /** Skipped (or, in ack mode, failed) records are logged one by one up to this many per subtask, then counted. */
    private static final long MAX_LOGGED = 100;

    private final ErrorPolicy policy;
    private final String operator;
    private final int subtask;
    private final OperatorCounters counters;
    private final Output deadLetters;
    private RecordFailures failures;

    /** @param deadLetters where dead letters go; required for {@link ErrorPolicy#DEAD_LETTER}, else null */
    public RecordErrorHandler(
            ErrorPolicy policy, String operator, int subtask, OperatorCounters counters, Output deadLetters) {
        if (policy == ErrorPolicy.DEAD_LETTER && deadLetters == null) {
            throw new IllegalArgumentException("operator '" + operator + "' sends dead letters but the job has no "
                    + "dead-letter sink; set one with StreamEnvironment.setDeadLetterSink");
        }
        this.policy = policy;
        this.operator = operator;
        this.subtask = subtask;
        this.counters = counters;
        this.deadLetters = deadLetters;
    }

    /**
     * Ack mode: under {@link ErrorPolicy#FAIL}, a record that fails is failed through {@code failures} (its
     * source records are emitted again) instead of failing the job.
     */
    public void failRecordsInstead(RecordFailures failures) {
        this.failures = failures;
    }

    /**
     * Deals with {@code error} thrown while processing {@code record}. Returns normally when the
     * record is set aside; throws when the job must fail. A failure already attributed to an
     * operator further down the chain is rethrown as it is, and so is a null key: it is a bug in
     * the job (and names its keyed operator), not a bad record of this operator.
     */
    public void onRecordFailed(Object record, long timestamp, Exception error) {
        if (error instanceof OperatorFailure attributed) {
            throw attributed;
        }
        if (error instanceof NullKeyException nullKey) {
            throw nullKey;
        }
        counters.recordsFailed++;
        switch (policy) {
            case FAIL -> {
                if (failures == null || !failures.failCurrentRecord()) {
                    throw new OperatorFailure(operator, subtask, record, error);
                }
                log("failed", "its source records are emitted again", record, error);
            }
            case SKIP -> log("skipped", "", record, error);
            case DEAD_LETTER -> {
                counters.deadLetters++;
                deadLetters.emit(
                        new DeadLetter(operator, subtask, record, error.toString(), timestamp), timestamp);
            }
        }
    }

    private void log(String what, String consequence, Object record, Exception error) {
        if (counters.recordsFailed <= MAX_LOGGED) {
            LOG.warn("operator '{}' (subtask {}) {} record {}: {}{}", operator, subtask, what,
                    Records.describe(record), error, consequence.isEmpty() ? "" : "; " + consequence);
            if (counters.recordsFailed == MAX_LOGGED) {
                LOG.warn("operator '{}' (subtask {}): further {} records are counted, not logged", operator, subtask,
                        what);
            }
        }
    }
}
