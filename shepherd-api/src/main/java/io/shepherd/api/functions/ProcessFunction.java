package io.shepherd.api.functions;

import io.shepherd.api.ack.Anchoring;
import io.shepherd.api.time.TimerService;
import java.io.Serializable;

/**
 * The most general per-record function on a non-keyed stream: sees each record with its timestamp
 * and may emit any number of records. Timers need a keyed stream ({@link KeyedProcessFunction}).
 */
public abstract class ProcessFunction<I, O> implements RichFunction, Serializable {

    public abstract void processElement(I value, Context context, Collector<O> out) throws Exception;

    /** Per-record context. */
    public interface Context {
        /** The record's event timestamp, or {@link Long#MIN_VALUE} when the stream has none. */
        long timestamp();

        TimerService timerService();

        /** Explicit anchoring of output to held input records, in ack mode; see {@link Anchoring}. */
        default <O> Anchoring<O> anchoring() {
            throw new UnsupportedOperationException("this context offers no explicit anchoring");
        }
    }
}
