package io.shepherd.api.internal;

import io.shepherd.api.windowing.AggregateFunction;
import java.util.ArrayList;
import java.util.List;

/** Keeps every record of a window, for window functions that see them all at once. */
public final class CollectAll<T> implements AggregateFunction<T, List<T>, List<T>> {
    @Override
    public List<T> createAccumulator() {
        return new ArrayList<>();
    }

    @Override
    public List<T> add(T value, List<T> accumulator) {
        accumulator.add(value);
        return accumulator;
    }

    @Override
    public List<T> getResult(List<T> accumulator) {
        return accumulator;
    }
}
