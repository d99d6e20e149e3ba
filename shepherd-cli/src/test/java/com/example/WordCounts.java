package com.example;

import io.shepherd.api.Job;
import io.shepherd.api.StreamEnvironment;
import io.shepherd.api.functions.Collector;
import io.shepherd.api.functions.FunctionContext;
import io.shepherd.api.functions.KeyedProcessFunction;
import io.shepherd.api.sink.Sink;
import io.shepherd.api.state.ValueState;
import io.shepherd.api.state.ValueStateDescriptor;
import io.shepherd.api.tuple.Tuple2;
import java.util.Map;

/** Counts words, keeping each word's count in keyed state; emits (word, count so far) per word seen. */
public final class WordCounts implements Job {
    private final Sink<Tuple2<String, Long>> sink;

    /** What `shepherd run` uses: print every count. */
    public WordCounts() {
        this(context -> record -> System.out.println(record));
    }

    public WordCounts(Sink<Tuple2<String, Long>> sink) {
        this.sink = sink;
    }

    @Override
    public void build(StreamEnvironment env, Map<String, String> args) {
        env.fromElements("to be or not to be", "that is the question")
                .flatMap((String line, Collector<String> out) -> {
                    for (String word : line.split(" ")) {
                        out.collect(word);
                    }
                })
                .keyBy(word -> word)
                .process(new CountPerWord())
                .name("count")
                .sink(sink);
    }

    /** One count per word; the engine scopes the state to the key of the record at hand. */
    static final class CountPerWord extends KeyedProcessFunction<String, String, Tuple2<String, Long>> {
        private transient ValueState<Long> count;

        @Override
        public void open(FunctionContext context) {
            count = context.getState(new ValueStateDescriptor<>("count", Long.class));
        }

        @Override
        public void processElement(String word, Context<String> context, Collector<Tuple2<String, Long>> out) {
            long next = count.value() == null ? 1 : count.value() + 1;
            count.update(next);
            out.collect(new Tuple2<>(word, next));
        }
    }
}
