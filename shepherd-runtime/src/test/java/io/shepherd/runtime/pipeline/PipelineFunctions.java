package io.shepherd.runtime.pipeline;

import io.shepherd.api.functions.Collector;
import io.shepherd.api.functions.FunctionContext;
import io.shepherd.api.functions.KeyedProcessFunction;
import io.shepherd.api.functions.MapFunction;
import io.shepherd.api.functions.ProcessFunction;
import io.shepherd.api.functions.ReduceFunction;
import io.shepherd.api.state.ListState;
import io.shepherd.api.state.ListStateDescriptor;
import io.shepherd.api.state.MapState;
import io.shepherd.api.state.MapStateDescriptor;
import io.shepherd.api.state.ValueState;
import io.shepherd.api.state.ValueStateDescriptor;
import io.shepherd.api.tuple.Tuple2;
import io.shepherd.api.windowing.AggregateFunction;
import io.shepherd.api.windowing.ProcessWindowFunction;
import io.shepherd.api.windowing.TimeWindow;
import java.util.ArrayList;
import java.util.List;

/** How generated pipelines run their keyed, stateful and windowed steps on the engine. */
final class PipelineFunctions {
    private PipelineFunctions() {}

    /** The bucket a timestamp falls in, as the bucket's last millisecond; no timestamp goes to {@link Step#END}. */
    static long bucketEnd(long timestamp, long bucketMs) {
        if (timestamp == Long.MIN_VALUE) {
            return Step.END;
        }
        return Math.floorDiv(timestamp, bucketMs) * bucketMs + bucketMs - 1;
    }

    static final class CountToRec implements MapFunction<Tuple2<Long, Long>, Rec> {
        @Override
        public Rec map(Tuple2<Long, Long> count) {
            return new Rec(count.f0(), count.f1(), 0);
        }
    }

    /** Sums values; the key field is the same on both sides (the reduce is keyed by it). */
    static final class SumValues implements ReduceFunction<Rec> {
        @Override
        public Rec reduce(Rec a, Rec b) {
            return new Rec(a.key(), a.value() + b.value(), 0);
        }
    }

    static final class ValueStateCounter extends KeyedProcessFunction<Long, Rec, Rec> {
        private final int every;
        private transient ValueState<Long> count;
        private transient ValueState<Long> sum;

        ValueStateCounter(int every) {
            this.every = every;
        }

        @Override
        public void open(FunctionContext context) {
            count = context.getState(new ValueStateDescriptor<>("count", Long.class));
            sum = context.getState(new ValueStateDescriptor<>("sum", Long.class));
        }

        @Override
        public void processElement(Rec rec, Context<Long> context, Collector<Rec> out) {
            long n = count.value() == null ? 1 : count.value() + 1;
            count.update(n);
            sum.update((sum.value() == null ? 0 : sum.value()) + rec.value());
            if (n % every == 0) {
                out.collect(new Rec(context.currentKey(), n, 0));
            }
            context.timerService().registerEventTimeTimer(Step.END);
        }

        @Override
        public void onTimer(long timestamp, OnTimerContext<Long> context, Collector<Rec> out) {
            out.collect(new Rec(context.currentKey(), 1_000_000 + sum.value(), 0));
        }
    }

    static final class ListStateBuckets extends KeyedProcessFunction<Long, Rec, Rec> {
        private final long bucketMs;
        private transient ListState<Rec> buffer;

        ListStateBuckets(long bucketMs) {
            this.bucketMs = bucketMs;
        }

        @Override
        public void open(FunctionContext context) {
            buffer = context.getListState(new ListStateDescriptor<>("buffer", Rec.class));
        }

        @Override
        public void processElement(Rec rec, Context<Long> context, Collector<Rec> out) {
            buffer.add(new Rec(rec.key(), rec.value(), context.timestamp()));
            context.timerService().registerEventTimeTimer(bucketEnd(context.timestamp(), bucketMs));
        }

        @Override
        public void onTimer(long timestamp, OnTimerContext<Long> context, Collector<Rec> out) {
            long sum = 0;
            long count = 0;
            List<Rec> kept = new ArrayList<>();
            for (Rec rec : buffer.get()) {
                if (bucketEnd(rec.ts(), bucketMs) <= timestamp) {
                    sum += rec.value();
                    count++;
                } else {
                    kept.add(rec);
                }
            }
            buffer.update(kept);
            out.collect(new Rec(context.currentKey(), 100 * sum + count, 0));
        }
    }

    static final class MapStateDistinct extends KeyedProcessFunction<Long, Rec, Rec> {
        private final boolean withTimestamp;
        private transient MapState<String, Boolean> seen;

        MapStateDistinct(boolean withTimestamp) {
            this.withTimestamp = withTimestamp;
        }

        @Override
        public void open(FunctionContext context) {
            seen = context.getMapState(new MapStateDescriptor<>("seen", String.class, Boolean.class));
        }

        @Override
        public void processElement(Rec rec, Context<Long> context, Collector<Rec> out) {
            String id = withTimestamp ? rec.value() + "@" + context.timestamp() : Long.toString(rec.value());
            if (!seen.contains(id)) {
                seen.put(id, true);
                out.collect(new Rec(context.currentKey(), rec.value(), 0));
            }
        }
    }

    /** Sums values and keeps the smallest key field: the same whatever order records come in. */
    static final class MinKeySum implements ReduceFunction<Rec> {
        @Override
        public Rec reduce(Rec a, Rec b) {
            return new Rec(Math.min(a.key(), b.key()), a.value() + b.value(), 0);
        }
    }

    /** Accumulator {count, sum, min key field}. */
    static final class CountSumMinKey implements AggregateFunction<Rec, long[], Rec> {
        @Override
        public long[] createAccumulator() {
            return new long[] {0, 0, Long.MAX_VALUE};
        }

        @Override
        public long[] add(Rec rec, long[] acc) {
            return new long[] {acc[0] + 1, acc[1] + rec.value(), Math.min(acc[2], rec.key())};
        }

        @Override
        public Rec getResult(long[] acc) {
            return new Rec(acc[2], acc[0] * 10_000_000 + acc[1], 0);
        }
    }

    static final class CountAndMax implements ProcessWindowFunction<Rec, Rec, Long> {
        @Override
        public void process(Long key, TimeWindow window, Iterable<Rec> elements, Collector<Rec> out) {
            long count = 0;
            long max = Long.MIN_VALUE;
            for (Rec rec : elements) {
                count++;
                max = Math.max(max, rec.value());
            }
            out.collect(new Rec(key, count, 0));
            out.collect(new Rec(key, 5_000_000 + max, 0));
        }
    }

    /** Writes the event timestamp into the record (or 0 where it depends on arrival order). */
    static final class Stamp extends ProcessFunction<Rec, Rec> {
        private final boolean keepTimestamp;

        Stamp(boolean keepTimestamp) {
            this.keepTimestamp = keepTimestamp;
        }

        @Override
        public void processElement(Rec rec, Context context, Collector<Rec> out) {
            out.collect(new Rec(rec.key(), rec.value(), keepTimestamp ? context.timestamp() : 0));
        }
    }
}
