package io.shepherd.runtime.metrics;

/**
 * Counters of one operator subtask. Written only by the thread running the subtask, as plain
 * fields (no cost on the hot path); read by others for progress, where a slightly stale value is
 * fine. After the job ends, thread joins make the final values exact.
 */
public final class OperatorCounters {
    public final String operator;
    public long recordsIn;
    public long recordsOut;
    public long recordsFailed;
    public long deadLetters;
    public long lateRecords;

    public OperatorCounters(String operator) {
        this.operator = operator;
    }
}
