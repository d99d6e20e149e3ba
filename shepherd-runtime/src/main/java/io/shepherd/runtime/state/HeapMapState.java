package io.shepherd.runtime.state;

import io.shepherd.api.state.MapState;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

final class HeapMapState<K, V> implements MapState<K, V> {
    private final KeyedStateBackend backend;
    private final HashMap<Object, Object> entries;

    HeapMapState(KeyedStateBackend backend, HashMap<Object, Object> entries) {
        this.backend = backend;
        this.entries = entries;
    }

    @Override
    public V get(K key) {
        Map<K, V> map = current();
        return map == null ? null : map.get(key);
    }

    @Override
    @SuppressWarnings("unchecked")
    public void put(K key, V value) {
        ((Map<K, V>) entries.computeIfAbsent(backend.requireCurrentKey(), k -> new HashMap<K, V>())).put(key, value);
    }

    @Override
    public void remove(K key) {
        Map<K, V> map = current();
        if (map != null) {
            map.remove(key);
            if (map.isEmpty()) {
                clear();
            }
        }
    }

    @Override
    public boolean contains(K key) {
        Map<K, V> map = current();
        return map != null && map.containsKey(key);
    }

    @Override
    public Iterable<Map.Entry<K, V>> entries() {
        Map<K, V> map = current();
        return map == null ? Set.of() : map.entrySet();
    }

    @Override
    public boolean isEmpty() {
        return current() == null;
    }

    @Override
    public void clear() {
        entries.remove(backend.requireCurrentKey());
    }

    @SuppressWarnings("unchecked")
    private Map<K, V> current() {
        return (Map<K, V>) entries.get(backend.requireCurrentKey());
    }
}
