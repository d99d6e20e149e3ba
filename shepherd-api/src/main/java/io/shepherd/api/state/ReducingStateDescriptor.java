package io.shepherd.api.state;

import io.shepherd.api.functions.ReduceFunction;
import java.util.Objects;

/** Describes a {@link ReducingState}: values added are folded into one with the reduce function. */
public final class ReducingStateDescriptor<T> extends StateDescriptor<T> {
    private final ReduceFunction<T> reducer;

    public ReducingStateDescriptor(String name, ReduceFunction<T> reducer, Class<T> type) {
        super(name, type);
        this.reducer = Objects.requireNonNull(reducer, "reduce function");
    }

    public ReduceFunction<T> reducer() {
        return reducer;
    }

    @Override
    public Kind kind() {
        return Kind.REDUCING;
    }
}
