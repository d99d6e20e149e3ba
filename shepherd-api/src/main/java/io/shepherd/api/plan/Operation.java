package io.shepherd.api.plan;

import io.shepherd.api.functions.FilterFunction;
import io.shepherd.api.functions.FlatMapFunction;
import io.shepherd.api.functions.KeySelector;
import io.shepherd.api.functions.KeyedCoProcessFunction;
import io.shepherd.api.functions.KeyedProcessFunction;
import io.shepherd.api.functions.MapFunction;
import io.shepherd.api.functions.ProcessFunction;
import io.shepherd.api.sink.Sink;
import io.shepherd.api.source.Source;
import io.shepherd.api.time.WatermarkStrategy;
import io.shepherd.api.windowing.AggregateFunction;
import io.shepherd.api.windowing.ProcessWindowFunction;
import io.shepherd.api.windowing.WindowAssigner;
import java.io.Serializable;

/**
 * What a plan node does. The runtime turns each kind into an operator; everything here is plain,
 * serializable data so that a plan can be shipped to other processes.
 */
public sealed interface Operation extends Serializable {

    /** The user functions this operation carries, for validation (each must be serializable). */
    Object[] functions();

    /** Keyed operations scope state and timers by the key of each record. */
    default KeySelector<?, ?> keySelector() {
        return null;
    }

    /** The key selector of one input of a keyed operation; the same for every input unless it has two. */
    default KeySelector<?, ?> keySelector(int input) {
        return keySelector();
    }

    record SourceOp(Source<?> source) implements Operation {
        public Object[] functions() {
            return new Object[] {source};
        }
    }

    record MapOp(MapFunction<?, ?> function) implements Operation {
        public Object[] functions() {
            return new Object[] {function};
        }
    }

    record FlatMapOp(FlatMapFunction<?, ?> function) implements Operation {
        public Object[] functions() {
            return new Object[] {function};
        }
    }

    record FilterOp(FilterFunction<?> function) implements Operation {
        public Object[] functions() {
            return new Object[] {function};
        }
    }

    record ProcessOp(ProcessFunction<?, ?> function) implements Operation {
        public Object[] functions() {
            return new Object[] {function};
        }
    }

    record KeyedProcessOp(KeySelector<?, ?> keySelector, KeyedProcessFunction<?, ?, ?> function) implements Operation {
        public Object[] functions() {
            return new Object[] {keySelector, function};
        }
    }

    /** Two keyed inputs processed by one function: input 0 keyed by {@code keySelector}, input 1 by {@code keySelector2}. */
    record KeyedCoProcessOp(KeySelector<?, ?> keySelector, KeySelector<?, ?> keySelector2,
            KeyedCoProcessFunction<?, ?, ?, ?> function) implements Operation {
        public Object[] functions() {
            return new Object[] {keySelector, keySelector2, function};
        }

        @Override
        public KeySelector<?, ?> keySelector(int input) {
            return input == 0 ? keySelector : keySelector2;
        }
    }

    /** Assigns event timestamps and emits watermarks. */
    record TimestampsOp(WatermarkStrategy<?> strategy) implements Operation {
        public Object[] functions() {
            return new Object[] {strategy};
        }
    }

    /**
     * Keyed event-time windows: records are folded into one accumulator per key and window with
     * {@code aggregate}; when the watermark passes the window's end, {@code emitter} turns the
     * aggregate result into output.
     */
    record WindowOp(
            KeySelector<?, ?> keySelector,
            WindowAssigner assigner,
            AggregateFunction<?, ?, ?> aggregate,
            ProcessWindowFunction<?, ?, ?> emitter)
            implements Operation {
        public Object[] functions() {
            return new Object[] {keySelector, assigner, aggregate, emitter};
        }
    }

    /** Merges its inputs; not an operator of its own, its consumers read the merged inputs directly. */
    record UnionOp() implements Operation {
        public Object[] functions() {
            return new Object[0];
        }
    }

    record SinkOp(Sink<?> sink) implements Operation {
        public Object[] functions() {
            return new Object[] {sink};
        }
    }
}
