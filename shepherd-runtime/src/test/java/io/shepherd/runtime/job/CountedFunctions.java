package io.shepherd.runtime.job;

import io.shepherd.api.functions.Collector;
import io.shepherd.api.functions.FunctionContext;
import io.shepherd.api.functions.KeyedProcessFunction;
import io.shepherd.api.functions.MapFunction;
import io.shepherd.api.functions.RichFunction;
import io.shepherd.api.sink.Sink;
import io.shepherd.api.sink.SinkWriter;
import io.shepherd.runtime.testing.LifeCycleCounts;
import io.shepherd.runtime.testing.Shared;

/** Functions that count how many of their copies were opened and closed, and may throw. */
final class CountedFunctions {
    private CountedFunctions() {}

    /** Adds one; throws on {@code poison}. */
    static final class Increment implements MapFunction<Long, Long>, RichFunction {
        private final Shared<LifeCycleCounts> counts;
        private final long poison;

        Increment(Shared<LifeCycleCounts> counts, long poison) {
            this.counts = counts;
            this.poison = poison;
        }

        @Override
        public void open(FunctionContext context) {
            counts.get().opened.incrementAndGet();
        }

        @Override
        public Long map(Long value) {
            if (value == poison) {
                throw new IllegalStateException("cannot increment " + value);
            }
            return value + 1;
        }

        @Override
        public void close() {
            counts.get().closed.incrementAndGet();
        }
    }

    /** Passes records on; throws on {@code poison}, or in open() when {@code failOpen}. */
    static final class Check extends KeyedProcessFunction<Long, Long, Long> {
        private final Shared<LifeCycleCounts> counts;
        private final long poison;
        private final boolean failOpen;

        Check(Shared<LifeCycleCounts> counts, long poison, boolean failOpen) {
            this.counts = counts;
            this.poison = poison;
            this.failOpen = failOpen;
        }

        @Override
        public void open(FunctionContext context) {
            counts.get().opened.incrementAndGet();
            if (failOpen && context.subtaskIndex() == 0) {
                throw new IllegalStateException("no connection for subtask 0");
            }
        }

        @Override
        public void processElement(Long value, Context<Long> context, Collector<Long> out) {
            if (value == poison) {
                throw new IllegalArgumentException("value " + value + " is poison");
            }
            out.collect(value);
        }

        @Override
        public void close() {
            counts.get().closed.incrementAndGet();
        }
    }

    /** Discards records; counts writers created and closed. */
    static final class CountingSink implements Sink<Long> {
        private final Shared<LifeCycleCounts> counts;

        CountingSink(Shared<LifeCycleCounts> counts) {
            this.counts = counts;
        }

        @Override
        public SinkWriter<Long> createWriter(FunctionContext context) {
            counts.get().opened.incrementAndGet();
            return new SinkWriter<>() {
                @Override
                public void write(Long record) {}

                @Override
                public void close() {
                    counts.get().closed.incrementAndGet();
                }
            };
        }
    }
}
