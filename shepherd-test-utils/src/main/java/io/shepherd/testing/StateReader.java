package io.shepherd.testing;

import io.shepherd.api.state.StateDescriptor;
import io.shepherd.runtime.operators.OperatorContext;
import io.shepherd.runtime.state.OperatorStateBackend;
import io.shepherd.runtime.state.StateTable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the state of the operator under test for assertions. Returns copies, so that a test
 * cannot change the state it inspects; refuses names and kinds the operator does not have, naming
 * the ones it does.
 */
final class StateReader {
    private final OperatorContext context;

    StateReader(OperatorContext context) {
        this.context = context;
    }

    /** The raw entry of {@code key}: the value, the list or the map; null when the key has none. */
    Object entry(Object key, String stateName) {
        return copy(table(stateName).entries().get(key));
    }

    Object entry(Object key, StateDescriptor<?> descriptor) {
        StateTable table = table(descriptor.name());
        if (table.descriptor().kind() != descriptor.kind()) {
            throw new IllegalArgumentException("operator '" + context.operatorName() + "' keeps '" + descriptor.name()
                    + "' as " + table.descriptor() + ", not as " + descriptor);
        }
        return copy(table.entries().get(key));
    }

    Set<Object> keys(String stateName) {
        return Collections.unmodifiableSet(new LinkedHashSet<>(table(stateName).entries().keySet()));
    }

    List<Object> operatorList(String name) {
        OperatorStateBackend.OperatorList list = context.operatorState().lists().get(name);
        if (list == null) {
            throw new IllegalArgumentException("operator '" + context.operatorName() + "' has no operator state named '"
                    + name + "'; it has " + context.operatorState().lists().keySet());
        }
        return Collections.unmodifiableList(new ArrayList<>(list.elements()));
    }

    private StateTable table(String stateName) {
        if (!context.isKeyed()) {
            throw new IllegalStateException("operator '" + context.operatorName() + "' is not on a keyed stream, so it "
                    + "has no keyed state; read operator state with operatorState(...)");
        }
        StateTable table = context.keyedState().tables().get(stateName);
        if (table == null) {
            throw new IllegalArgumentException("operator '" + context.operatorName() + "' has no keyed state named '"
                    + stateName + "'; it has " + context.keyedState().tables().keySet()
                    + " (state exists once the function asked for it, usually in open())");
        }
        return table;
    }

    private static Object copy(Object entry) {
        if (entry instanceof List<?> list) {
            return Collections.unmodifiableList(new ArrayList<>(list));
        }
        if (entry instanceof Map<?, ?> map) {
            return Collections.unmodifiableMap(new LinkedHashMap<>(map));
        }
        return entry;
    }
}
