package io.shepherd.runtime.savepoint;

import io.shepherd.api.functions.Collector;
import io.shepherd.api.functions.FunctionContext;
import io.shepherd.api.functions.KeyedProcessFunction;
import io.shepherd.api.state.ValueState;
import io.shepherd.api.state.ValueStateDescriptor;
import io.shepherd.api.tuple.Tuple2;

/** {@link RunningCount} rewritten to keep its count as text: the same state name with another type. */
final class CountAsText extends KeyedProcessFunction<Long, Long, Tuple2<Long, Long>> {
    private transient ValueState<String> count;

    @Override
    public void open(FunctionContext context) {
        count = context.getState(new ValueStateDescriptor<>("count", String.class));
    }

    @Override
    public void processElement(Long value, Context<Long> context, Collector<Tuple2<Long, Long>> out) {
        long next = (count.value() == null ? 0 : Long.parseLong(count.value())) + 1;
        count.update(Long.toString(next));
        out.collect(Tuple2.of(context.currentKey(), next));
    }
}
