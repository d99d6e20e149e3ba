package io.shepherd.runtime.state;

import io.shepherd.api.state.ListState;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;

final class HeapListState<T> implements ListState<T> {
    private final KeyedStateBackend backend;
    private final HashMap<Object, Object> entries;

    HeapListState(KeyedStateBackend backend, HashMap<Object, Object> entries) {
        this.backend = backend;
        this.entries = entries;
    }

    @Override
    @SuppressWarnings("unchecked")
    public Iterable<T> get() {
        List<T> list = (List<T>) entries.get(backend.requireCurrentKey());
        return list == null ? List.of() : Collections.unmodifiableList(list);
    }

    @Override
    @SuppressWarnings("unchecked")
    public void add(T value) {
        ((List<T>) entries.computeIfAbsent(backend.requireCurrentKey(), key -> new ArrayList<T>())).add(value);
    }

    @Override
    public void update(List<T> values) {
        if (values.isEmpty()) {
            clear();
        } else {
            entries.put(backend.requireCurrentKey(), new ArrayList<>(values));
        }
    }

    @Override
    public void clear() {
        entries.remove(backend.requireCurrentKey());
    }
}
