package io.shepherd.api.functions;

import io.shepherd.api.ack.Anchoring;
import io.shepherd.api.time.TimerService;
import java.io.Serializable;

/**
 * A per-record function on a keyed stream, with keyed state (obtained in {@link #open}) and
 * timers. Timers are scoped to the key that registered them; when one fires, {@link #onTimer} runs
 * with that key current, so state handles read that key's values.
 */
public abstract class KeyedProcessFunction<K, I, O> implements RichFunction, Serializable {

    public abstract void processElement(I value, Context<K> context, Collector<O> out) throws Exception;

    /** Called when a timer registered through {@link TimerService} fires. */
    public void onTimer(long timestamp, OnTimerContext<K> context, Collector<O> out) throws Exception {}

    /** Per-record context. */
    public interface Context<K> {
        /** The record's event timestamp, or {@link Long#MIN_VALUE} when the stream has none. */
        long timestamp();

        K currentKey();

        TimerService timerService();

        /** Explicit anchoring of output to held input records, in ack mode; see {@link Anchoring}. */
        default <O> Anchoring<O> anchoring() {
            throw new UnsupportedOperationException("this context offers no explicit anchoring");
        }
    }

    /** Context of a firing timer. */
    public interface OnTimerContext<K> extends Context<K> {
        TimeDomain timeDomain();
    }

    /** Which clock a timer was set against. */
    public enum TimeDomain {
        EVENT_TIME,
        PROCESSING_TIME
    }
}
