package io.shepherd.api.internal;

import io.shepherd.api.functions.ReduceFunction;
import io.shepherd.api.windowing.AggregateFunction;

/** A reduce function as an aggregate whose accumulator is the reduced value (null when empty). */
public final class ReduceAggregate<T> implements AggregateFunction<T, T, T> {
    private final ReduceFunction<T> reducer;

    public ReduceAggregate(ReduceFunction<T> reducer) {
        this.reducer = reducer;
    }

    @Override
    public T createAccumulator() {
        return null;
    }

    @Override
    public T add(T value, T accumulator) throws Exception {
        return accumulator == null ? value : reducer.reduce(accumulator, value);
    }

    @Override
    public T getResult(T accumulator) {
        return accumulator;
    }

}
