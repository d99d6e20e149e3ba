package io.shepherd.runtime.ack;

import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * Ack-mode counters of one source subtask, as plain fields: written only by the thread running the source,
 * read by others for metrics, where a slightly stale value is fine. The histogram is not safe to read while
 * it is written; copy it on the source's thread for reporting.
 */
public final class SourceAckCounters {
    /** Complete latencies above this are recorded as this. */
    public static final long MAX_LATENCY_US = TimeUnit.HOURS.toMicros(1);

    /** Records emitted and not completed yet, including those waiting to be replayed. */
    public long pending;
    /** New records emitted (replays not counted). */
    public long emitted;
    public long completed;
    public long failed;
    public long timedOut;
    /** Roots the acker did not know when probed: their init or verdict was lost. */
    public long unknownToAcker;
    /** Records emitted again with a fresh root, whatever the reason. */
    public long replayed;
    public long probes;
    /** Verdicts for roots not pending here: late, duplicated, or for a previous attempt. */
    public long ignoredVerdicts;
    /** The operator that acked last in the most recent timed-out tree, or {@link AckerLedger#NO_OPERATOR}. */
    public int lastTimeoutOperator = AckerLedger.NO_OPERATOR;
    /** From the emit of a root (its latest attempt) to its completed verdict, in microseconds. */
    public final Histogram completeLatencyUs = new Histogram(MAX_LATENCY_US, 2);
}
