package io.shepherd.runtime.savepoint;

import io.shepherd.api.functions.Collector;
import io.shepherd.api.functions.FunctionContext;
import io.shepherd.api.functions.KeyedProcessFunction;
import io.shepherd.api.state.ValueState;
import io.shepherd.api.state.ValueStateDescriptor;
import io.shepherd.api.tuple.Tuple2;

/** Counts the records of each key in the value state "count" and emits (key, count so far). */
final class RunningCount extends KeyedProcessFunction<Long, Long, Tuple2<Long, Long>> {
    private transient ValueState<Long> count;

    @Override
    public void open(FunctionContext context) {
        count = context.getState(new ValueStateDescriptor<>("count", Long.class));
    }

    @Override
    public void processElement(Long value, Context<Long> context, Collector<Tuple2<Long, Long>> out) {
        long next = (count.value() == null ? 0 : count.value()) + 1;
        count.update(next);
        out.collect(Tuple2.of(context.currentKey(), next));
    }
}
