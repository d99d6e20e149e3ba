package io.shepherd.runtime.state;

import io.shepherd.api.functions.ReduceFunction;
import io.shepherd.api.state.ReducingState;
import java.util.HashMap;

final class HeapReducingState<T> implements ReducingState<T> {
    private final KeyedStateBackend backend;
    private final HashMap<Object, Object> entries;
    private final ReduceFunction<T> reducer;

    HeapReducingState(KeyedStateBackend backend, HashMap<Object, Object> entries, ReduceFunction<T> reducer) {
        this.backend = backend;
        this.entries = entries;
        this.reducer = reducer;
    }

    @Override
    @SuppressWarnings("unchecked")
    public T get() {
        return (T) entries.get(backend.requireCurrentKey());
    }

    @Override
    public void add(T value) throws Exception {
        Object key = backend.requireCurrentKey();
        T current = get();
        entries.put(key, current == null ? value : reducer.reduce(current, value));
    }

    @Override
    public void clear() {
        entries.remove(backend.requireCurrentKey());
    }
}
