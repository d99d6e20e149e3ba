package io.shepherd.api.internal;

import io.shepherd.api.functions.Collector;
import io.shepherd.api.functions.FunctionContext;
import io.shepherd.api.functions.KeyedProcessFunction;
import io.shepherd.api.functions.LongValueSelector;
import io.shepherd.api.state.ValueState;
import io.shepherd.api.state.ValueStateDescriptor;
import io.shepherd.api.tuple.Tuple2;

/** Keeps a long per key and emits the key with its new total for every record. */
public final class RunningSum<K, T> extends KeyedProcessFunction<K, T, Tuple2<K, Long>> {
    private final LongValueSelector<T> value;
    private transient ValueState<Long> total;

    public RunningSum(LongValueSelector<T> value) {
        this.value = value;
    }

    @Override
    public void open(FunctionContext context) {
        total = context.getState(new ValueStateDescriptor<>("total", Long.class));
    }

    @Override
    public void processElement(T record, Context<K> context, Collector<Tuple2<K, Long>> out) throws Exception {
        Long current = total.value();
        long next = (current == null ? 0L : current) + value.value(record);
        total.update(next);
        out.collect(new Tuple2<>(context.currentKey(), next));
    }
}
