package io.shepherd.runtime.pipeline;

import io.shepherd.api.functions.Collector;
import io.shepherd.api.functions.FilterFunction;
import io.shepherd.api.functions.FlatMapFunction;
import io.shepherd.api.functions.MapFunction;
import java.util.List;

/**
 * What one node of a generated pipeline does. The per-record steps are their own functions (the
 * job and the reference apply the same arithmetic); the keyed, stateful and windowed steps are
 * only descriptions here: the job runs them with the engine's state, timers and windows
 * ({@link PipelineFunctions}), the reference with plain grouping ({@link ReferenceInterpreter}).
 */
public sealed interface Step {
    /**
     * Event time at which end-of-input timers are set: beyond every generated timestamp, small
     * enough that windows over it do not overflow; only the final watermark reaches it.
     */
    long END = 1L << 50;

    /** Records from a collection, split round robin over the source's subtasks. */
    record Source(List<Rec> items) implements Step {
        @Override
        public String toString() {
            int shown = Math.min(items.size(), 12);
            return "source of " + items.size() + " records " + items.subList(0, shown)
                    + (shown < items.size() ? "..." : "");
        }
    }

    /** Event time from the {@code ts} field, watermarks lagging the largest seen by {@code boundMs}. */
    record Timestamps(long boundMs) implements Step {
        @Override
        public String toString() {
            return "timestamps(bound " + boundMs + "ms)";
        }
    }

    /** {@code value -> (value * mul + add) % 1000}; with {@code rekeyMod}, key becomes (key + value) % rekeyMod. */
    record Map(long mul, long add, long rekeyMod) implements Step, MapFunction<Rec, Rec> {
        @Override
        public Rec map(Rec rec) {
            long key = rekeyMod == 0 ? rec.key() : Math.floorMod(rec.key() + rec.value(), rekeyMod);
            return new Rec(key, Math.floorMod(rec.value() * mul + add, 1000), rec.ts());
        }

        @Override
        public String toString() {
            return "map(value*" + mul + "+" + add + (rekeyMod == 0 ? "" : ", key=(key+value)%" + rekeyMod) + ")";
        }
    }

    /** Emits {@code value % (maxCopies + 1)} records, the i-th with value + i. */
    record FlatMap(int maxCopies) implements Step, FlatMapFunction<Rec, Rec> {
        @Override
        public void flatMap(Rec rec, Collector<Rec> out) {
            long copies = Math.floorMod(rec.value(), maxCopies + 1);
            for (int i = 0; i < copies; i++) {
                out.collect(new Rec(rec.key(), rec.value() + i, rec.ts()));
            }
        }

        @Override
        public String toString() {
            return "flatMap(value%" + (maxCopies + 1) + " copies)";
        }
    }

    /** Drops records whose value % mod is rem. */
    record Filter(long mod, long rem) implements Step, FilterFunction<Rec> {
        @Override
        public boolean filter(Rec rec) {
            return Math.floorMod(rec.value(), mod) != rem;
        }

        @Override
        public String toString() {
            return "filter(value%" + mod + "!=" + rem + ")";
        }
    }

    /** keyBy + count(): emits (key, n) for the n-th record of a key, turned back into a Rec. */
    record Count(KeySel key) implements Step {
        @Override
        public String toString() {
            return "keyBy(" + key + ").count()";
        }
    }

    /** keyBy(key field) + running reduce summing values; its output goes straight to a sink. */
    record RunningReduce() implements Step {
        @Override
        public String toString() {
            return "keyBy(key).reduce(sum of values)";
        }
    }

    /**
     * keyBy + process with value state: counts and sums a key's records, emits (key, count) every
     * {@code every}-th record, and (key, 1_000_000 + sum) from an event-time timer at {@link #END}.
     */
    record ValueStateCounter(KeySel key, int every) implements Step {
        @Override
        public String toString() {
            return "keyBy(" + key + ").process(value state: count every " + every + ", sum at end)";
        }
    }

    /**
     * keyBy + process with list state and event-time timers: buffers records, and when the watermark
     * passes the end of a bucket of {@code bucketMs} emits (key, 100 * sum + count) of the bucket's
     * records, stamped with the bucket's end. Records without a timestamp belong to the bucket at
     * {@link #END}.
     */
    record ListStateBuckets(KeySel key, long bucketMs) implements Step {
        @Override
        public String toString() {
            return "keyBy(" + key + ").process(list state: buckets of " + bucketMs + "ms)";
        }
    }

    /**
     * keyBy + process with map state: emits (key, value) the first time a key sees the value (and,
     * with {@code withTimestamp}, the same event timestamp).
     */
    record MapStateDistinct(KeySel key, boolean withTimestamp) implements Step {
        @Override
        public String toString() {
            return "keyBy(" + key + ").process(map state: distinct value" + (withTimestamp ? "+timestamp" : "") + ")";
        }
    }

    /** keyBy + event-time windows (sliding when slide < size) + a window function. */
    record Window(KeySel key, long sizeMs, long slideMs, long offsetMs, WindowFunction function) implements Step {
        public boolean sliding() {
            return slideMs < sizeMs;
        }

        @Override
        public String toString() {
            String windows = sliding() ? "sliding(" + sizeMs + "ms every " + slideMs + "ms)"
                    : "tumbling(" + sizeMs + "ms" + (offsetMs == 0 ? "" : " offset " + offsetMs + "ms") + ")";
            return "keyBy(" + key + ").window(" + windows + ")." + function.name().toLowerCase();
        }
    }

    /** The window functions of generated pipelines; each result is independent of arrival order. */
    enum WindowFunction {
        /** (min key field, sum of values). */
        REDUCE,
        /** (min key field, count * 10_000_000 + sum). */
        AGGREGATE,
        /** Two records: (key, count) and (key, 5_000_000 + max value). */
        PROCESS
    }

    /** Merges its inputs. */
    record Union() implements Step {
        @Override
        public String toString() {
            return "union";
        }
    }

    /**
     * A collecting sink. With {@code stamp}, a process function first writes each record's event
     * timestamp into its {@code ts} field (or 0 where the timestamp depends on arrival order).
     */
    record Sink(boolean stamp, boolean keepTimestamp) implements Step {
        @Override
        public String toString() {
            return stamp ? "stamp(" + (keepTimestamp ? "event time" : "0") + ") -> sink" : "sink";
        }
    }
}
