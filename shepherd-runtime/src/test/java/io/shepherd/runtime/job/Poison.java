package io.shepherd.runtime.job;

import io.shepherd.api.functions.Collector;
import io.shepherd.api.functions.FunctionContext;
import io.shepherd.api.functions.KeyedProcessFunction;
import io.shepherd.api.functions.MapFunction;
import io.shepherd.api.sink.Sink;
import io.shepherd.api.sink.SinkWriter;
import io.shepherd.runtime.testing.Shared;
import java.util.Collection;
import java.util.Queue;
import java.util.Set;

/** Functions that throw on a known set of records, and the error text they throw with. */
final class Poison {
    private Poison() {}

    static String error(String what, long record) {
        return "java.lang.IllegalStateException: " + what + " rejects " + record;
    }

    private static void check(Set<Long> poison, String what, long record) {
        if (poison.contains(record)) {
            throw new IllegalStateException(what + " rejects " + record);
        }
    }

    /** Passes records unchanged; throws on the poison. */
    record Map(Set<Long> poison, String what) implements MapFunction<Long, Long> {
        @Override
        public Long map(Long value) {
            check(poison, what, value);
            return value;
        }
    }

    /** Keyed pass-through; throws on the poison. */
    static final class Keyed extends KeyedProcessFunction<Long, Long, Long> {
        private final Set<Long> poison;
        private final String what;

        Keyed(Set<Long> poison, String what) {
            this.poison = poison;
            this.what = what;
        }

        @Override
        public void processElement(Long value, Context<Long> context, Collector<Long> out) {
            check(poison, what, value);
            out.collect(value);
        }
    }

    /** A sink whose writers throw on the poison and keep the rest in a shared queue. */
    record CollectingSink(Set<Long> poison, String what, Shared<Queue<Long>> written) implements Sink<Long> {
        @Override
        public SinkWriter<Long> createWriter(FunctionContext context) {
            return record -> {
                check(poison, what, record);
                written.get().add(record);
            };
        }
    }

    static Set<Long> without(Collection<Long> all, Set<Long> poison) {
        return all.stream().filter(x -> !poison.contains(x)).collect(java.util.stream.Collectors.toSet());
    }
}
