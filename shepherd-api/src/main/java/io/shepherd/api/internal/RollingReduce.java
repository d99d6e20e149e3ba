package io.shepherd.api.internal;

import io.shepherd.api.functions.Collector;
import io.shepherd.api.functions.FunctionContext;
import io.shepherd.api.functions.KeyedProcessFunction;
import io.shepherd.api.functions.ReduceFunction;
import io.shepherd.api.state.ValueState;
import io.shepherd.api.state.ValueStateDescriptor;

/** Folds each key's records into one value and emits it after every record. */
public final class RollingReduce<K, T> extends KeyedProcessFunction<K, T, T> {
    private final ReduceFunction<T> reducer;
    private transient ValueState<Object> reduced;

    public RollingReduce(ReduceFunction<T> reducer) {
        this.reducer = reducer;
    }

    @Override
    public void open(FunctionContext context) {
        reduced = context.getState(new ValueStateDescriptor<>("reduced", Object.class));
    }

    @Override
    @SuppressWarnings("unchecked")
    public void processElement(T record, Context<K> context, Collector<T> out) throws Exception {
        T current = (T) reduced.value();
        T next = current == null ? record : reducer.reduce(current, record);
        reduced.update(next);
        out.collect(next);
    }
}
