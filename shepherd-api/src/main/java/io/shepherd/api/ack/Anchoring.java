package io.shepherd.api.ack;

/**
 * Explicit anchoring for process functions, in ack mode ({@link AckingConfig}). By default every record a
 * function emits is anchored to the record it is processing, which is acknowledged when the function
 * returns. A function that emits from several inputs (a join, an aggregation that waits for more) instead
 * {@linkplain #hold holds} them, emits its output anchored to all of them ({@link #collect}), and then
 * {@linkplain #release releases} them: each source record is then complete only once that output is.
 *
 * <pre>{@code
 * public void processElement(Order order, Context<Long> ctx, Collector<Match> out) {
 *     Anchoring.Held held = ctx.anchoring().hold();
 *     Pending other = waiting.get();
 *     if (other == null) { waiting.update(new Pending(order, held)); return; }
 *     ctx.anchoring().collect(new Match(other.order(), order), other.held());  // anchored to both
 *     ctx.anchoring().release(other.held());
 *     ctx.anchoring().release(held);
 *     waiting.clear();
 * }
 * }</pre>
 *
 * <p>A held record that is never released keeps its trees open: they time out and their sources emit them
 * again. Outside ack mode, holding and releasing do nothing and {@link #collect} just emits. Handles are
 * valid only inside the task that made them, and only for the job run that made them.
 */
public interface Anchoring<O> {

    /** A record kept unacknowledged; opaque. */
    interface Held {}

    /** Whether the job runs in ack mode. */
    boolean isEnabled();

    /**
     * Keeps the record being processed unacknowledged when the function returns, until {@link #release} or
     * {@link #fail}. Records emitted for it meanwhile stay anchored to it as usual.
     */
    Held hold();

    /**
     * Emits {@code record} anchored to the record being processed (if there is one) and to each of
     * {@code held}, which must not be released yet.
     */
    void collect(O record, Held... held);

    /** Acknowledges a held record, with everything emitted anchored to it. At most once per handle. */
    void release(Held held);

    /** Fails the trees of a held record: their sources emit them again. At most once per handle. */
    void fail(Held held);
}
