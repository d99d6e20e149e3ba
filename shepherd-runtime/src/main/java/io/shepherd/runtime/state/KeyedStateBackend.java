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
 *
 * <p>Restored state ({@link #restore}) waits as {@link Unclaimed} until a descriptor of its name
 * asks for it, and is then adopted if the descriptor's kind and types match what was stored.
 */
public final class KeyedStateBackend {
    private final String operator;
    private final Map<String, StateTable> tables = new LinkedHashMap<>();
    private final Map<String, Unclaimed<HashMap<Object, Object>>> unclaimed = new LinkedHashMap<>();
    private Object currentKey;

    public KeyedStateBackend(String operator) {
        this.operator = operator;
    }

    /** The operator this state belongs to, for messages. */
    public String operator() {
        return operator;
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

    /** Restored tables no descriptor has asked for yet, by name; snapshots include them. */
    public Map<String, Unclaimed<HashMap<Object, Object>>> unclaimedTables() {
        return unclaimed;
    }

    /**
     * Gives restored entries of the state {@code name} to this backend: to its table if the operator
     * already asked for it, else they wait until it does. The backend keeps {@code entries}.
     *
     * @throws IllegalStateException if the state exists (or waits) with another signature
     */
    public void restore(String name, StateSignature signature, HashMap<Object, Object> entries) {
        StateTable live = tables.get(name);
        if (live != null) {
            new Unclaimed<>(signature, entries).requireSignature(name, StateSignature.of(live.descriptor()), operator);
            live.entries().putAll(entries);
            return;
        }
        Unclaimed<HashMap<Object, Object>> waiting = unclaimed.get(name);
        if (waiting == null) {
            unclaimed.put(name, new Unclaimed<>(signature, entries));
        } else {
            waiting.requireSignature(name, signature, operator);
            waiting.contents().putAll(entries);
        }
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
        StateTable table = tables.get(descriptor.name());
        if (table == null) {
            table = new StateTable(descriptor, claimRestored(descriptor));
            tables.put(descriptor.name(), table);
        } else {
            table.requireCompatible(descriptor, operator);
        }
        return table;
    }

    private HashMap<Object, Object> claimRestored(StateDescriptor<?> descriptor) {
        Unclaimed<HashMap<Object, Object>> restored = unclaimed.get(descriptor.name());
        if (restored == null) {
            return new HashMap<>();
        }
        HashMap<Object, Object> entries = restored.claim(descriptor, operator);
        unclaimed.remove(descriptor.name());
        return entries;
    }
}
