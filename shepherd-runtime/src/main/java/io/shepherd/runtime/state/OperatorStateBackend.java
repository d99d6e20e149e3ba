package io.shepherd.runtime.state;

import io.shepherd.api.state.ListState;
import io.shepherd.api.state.ListStateDescriptor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * State of one operator subtask as a whole (not per key): named lists, such as a source's
 * position. Used by one thread.
 */
public final class OperatorStateBackend {
    private final String operator;
    private final Map<String, OperatorList> lists = new LinkedHashMap<>();

    public OperatorStateBackend(String operator) {
        this.operator = operator;
    }

    /** The lists by name, for snapshots. */
    public Map<String, OperatorList> lists() {
        return lists;
    }

    public <T> ListState<T> listState(ListStateDescriptor<T> descriptor) {
        OperatorList list = lists.computeIfAbsent(descriptor.name(), name -> new OperatorList(descriptor, new ArrayList<>()));
        if (!list.descriptor().type().equals(descriptor.type())) {
            throw new IllegalArgumentException("operator '" + operator + "' asks for " + descriptor
                    + " but the name is already used by " + list.descriptor());
        }
        return list.asState();
    }

    /** One named operator list. */
    public record OperatorList(ListStateDescriptor<?> descriptor, List<Object> elements) {
        @SuppressWarnings("unchecked")
        <T> ListState<T> asState() {
            List<T> typed = (List<T>) (List<?>) elements;
            return new ListState<>() {
                @Override
                public Iterable<T> get() {
                    return List.copyOf(typed);
                }

                @Override
                public void add(T value) {
                    typed.add(value);
                }

                @Override
                public void update(List<T> values) {
                    typed.clear();
                    typed.addAll(values);
                }

                @Override
                public void clear() {
                    typed.clear();
                }
            };
        }
    }
}
