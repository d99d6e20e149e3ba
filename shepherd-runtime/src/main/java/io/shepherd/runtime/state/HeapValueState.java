package io.shepherd.runtime.state;

import io.shepherd.api.state.ValueState;
import java.util.HashMap;

final class HeapValueState<T> implements ValueState<T> {
    private final KeyedStateBackend backend;
    private final HashMap<Object, Object> entries;

    HeapValueState(KeyedStateBackend backend, HashMap<Object, Object> entries) {
        this.backend = backend;
        this.entries = entries;
    }

    @Override
    @SuppressWarnings("unchecked")
    public T value() {
        return (T) entries.get(backend.requireCurrentKey());
    }

    @Override
    public void update(T value) {
        if (value == null) {
            clear();
        } else {
            entries.put(backend.requireCurrentKey(), value);
        }
    }

    @Override
    public void clear() {
        entries.remove(backend.requireCurrentKey());
    }
}
