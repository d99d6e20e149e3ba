package io.shepherd.api.ack;

/**
 * What ack mode counted, summed over every source subtask and every operator that emits from its own
 * state (window and timer output), at one moment. All zero for a job without ack mode.
 *
 * @param pending source records emitted and not yet fully processed, including those waiting to be emitted
 *     again
 * @param emitted records emitted for the first time
 * @param completed records whose whole tree was processed
 * @param failed trees failed by an operator (a user function threw on one of their records)
 * @param timedOut trees that made no progress for the tree timeout
 * @param replayed records emitted again under a fresh root, for any reason
 * @param lastTimeout where the most recently timed-out tree was held: its source, and the task that last
 *     acknowledged one of its records (the tree is stuck there or in a task that one sends to); null if none
 *     timed out
 * @param latencyCount how many completions the latency figures cover
 * @param latencyP50Us median complete latency, from a record's (latest) emit to its tree's completion, in µs
 */
public record AckMetrics(
        long pending, long emitted, long completed, long failed, long timedOut, long replayed,
        String lastTimeout, long latencyCount, long latencyP50Us, long latencyP99Us, long latencyP999Us,
        long latencyMaxUs) {

    /** The metrics of a job without ack mode. */
    public static final AckMetrics NONE = new AckMetrics(0, 0, 0, 0, 0, 0, null, 0, 0, 0, 0, 0);
}
