package io.shepherd.runtime.operators;

import io.shepherd.runtime.Records;

/**
 * A user function failed on a record under {@link io.shepherd.api.ErrorPolicy#FAIL}. Carries who
 * failed on what; operators upstream in the same chain pass it on untouched, so the failure stays
 * attributed to the operator whose function threw.
 */
public final class OperatorFailure extends RuntimeException {
    private final String operator;
    private final int subtask;

    public OperatorFailure(String operator, int subtask, Object record, Throwable cause) {
        super("operator '" + operator + "' (subtask " + subtask + ") failed on record " + Records.describe(record)
                + ": " + cause, cause);
        this.operator = operator;
        this.subtask = subtask;
    }

    public String operator() {
        return operator;
    }

    public int subtask() {
        return subtask;
    }
}
