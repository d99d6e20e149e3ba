package io.shepherd.cli.run;

import io.shepherd.api.Job;
import io.shepherd.api.StreamEnvironment;
import io.shepherd.api.functions.Collector;
import io.shepherd.api.functions.FunctionContext;
import io.shepherd.api.functions.KeyedProcessFunction;
import io.shepherd.api.sink.DiscardingSink;
import io.shepherd.api.state.ValueState;
import io.shepherd.api.state.ValueStateDescriptor;
import io.shepherd.connectors.generator.GeneratorSource;
import java.util.Map;

/**
 * A job with keyed state for the savepoint commands: a rate-limited generator (one subtask, uid
 * "numbers") into a running count per key (uid "count", or -D uid=...), into a sink (uid "sink").
 * {@code -D n=...} records at {@code -D rate=...} per second; {@code -D type=text} keeps the count
 * as text, a state of another type under the same name.
 */
public final class CountsJob implements Job {
    @Override
    public void build(StreamEnvironment env, Map<String, String> args) {
        long n = Long.parseLong(args.getOrDefault("n", "1000000"));
        double rate = Double.parseDouble(args.getOrDefault("rate", "20000"));
        boolean asText = args.getOrDefault("type", "long").equals("text");
        env.fromSource(GeneratorSource.of(n, i -> i).withRateLimit(rate), "numbers")
                .uid("numbers")
                .setParallelism(1)
                .keyBy(v -> v % 13)
                .process(asText ? new TextCount() : new LongCount())
                .name("count")
                .uid(args.getOrDefault("uid", "count"))
                .sink(new DiscardingSink<>())
                .name("sink")
                .uid("sink");
    }

    private static final class LongCount extends KeyedProcessFunction<Long, Long, Long> {
        private transient ValueState<Long> count;

        @Override
        public void open(FunctionContext context) {
            count = context.getState(new ValueStateDescriptor<>("count", Long.class));
        }

        @Override
        public void processElement(Long value, Context<Long> context, Collector<Long> out) {
            long next = (count.value() == null ? 0 : count.value()) + 1;
            count.update(next);
            out.collect(next);
        }
    }

    private static final class TextCount extends KeyedProcessFunction<Long, Long, Long> {
        private transient ValueState<String> count;

        @Override
        public void open(FunctionContext context) {
            count = context.getState(new ValueStateDescriptor<>("count", String.class));
        }

        @Override
        public void processElement(Long value, Context<Long> context, Collector<Long> out) {
            long next = (count.value() == null ? 0 : Long.parseLong(count.value())) + 1;
            count.update(Long.toString(next));
            out.collect(next);
        }
    }
}
