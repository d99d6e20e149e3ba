package io.shepherd.runtime.state;

import io.shepherd.api.state.ListState;
import io.shepherd.api.state.ListStateDescriptor;
import io.shepherd.api.state.MapState;
import io.shepherd.api.state.MapStateDescriptor;
import io.shepherd.api.state.ReducingState;
import io.shepherd.api.state.ReducingStateDescriptor;
import io.shepherd.api.state.StateDescriptor;
import io.shepherd.api.state.ValueState;
import io.shepherd.api.state.ValueStateDescriptor;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Keyed state of one operator subtask, on the heap: one table per named state, mapping each key
 * to its value. State handles read and write the entry of the current key, which the operator
 * sets before it calls the user's function. Values are kept as objects, never serialized while
 * the job runs. Used by one thread.
 */
public final class KeyedStateBackend {
    private final String operator;
    private final Map<String, StateTable> tables = new LinkedHashMap<>();
    private Object currentKey;

    public KeyedStateBackend(String operator) {
        this.operator = operator;
    }

    public void setCurrentKey(Object key) {
        this.currentKey = key;
    }

    public Object currentKey() {
        return currentKey;
    }

    /** The state tables by name, in the order they were first asked for. */
    public Map<String, StateTable> tables() {
        return tables;
    }

    public <T> ValueState<T> valueState(ValueStateDescriptor<T> descriptor) {
        return new HeapValueState<>(this, table(descriptor).entries());
    }

    public <T> ListState<T> listState(ListStateDescriptor<T> descriptor) {
        return new HeapListState<>(this, table(descriptor).entries());
    }

    public <K, V> MapState<K, V> mapState(MapStateDescriptor<K, V> descriptor) {
        return new HeapMapState<>(this, table(descriptor).entries());
    }

    public <T> ReducingState<T> reducingState(ReducingStateDescriptor<T> descriptor) {
        return new HeapReducingState<>(this, table(descriptor).entries(), descriptor.reducer());
    }

    Object requireCurrentKey() {
        if (currentKey == null) {
            throw new IllegalStateException("keyed state of '" + operator
                    + "' used outside of processing a record or timer: there is no current key");
        }
        return currentKey;
    }

    private StateTable table(StateDescriptor<?> descriptor) {
        StateTable table = tables.computeIfAbsent(descriptor.name(), name -> new StateTable(descriptor, new HashMap<>()));
        table.requireCompatible(descriptor, operator);
        return table;
    }
}
