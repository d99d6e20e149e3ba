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
 *
 * <p>Restored lists ({@link #restore}) wait as {@link Unclaimed} until a descriptor of their name
 * asks for them, and are then adopted if the element type matches what was stored.
 */
public final class OperatorStateBackend {
    private final String operator;
    private final Map<String, OperatorList> lists = new LinkedHashMap<>();
    private final Map<String, Unclaimed<List<Object>>> unclaimed = new LinkedHashMap<>();

    public OperatorStateBackend(String operator) {
        this.operator = operator;
    }

    /** The operator this state belongs to, for messages. */
    public String operator() {
        return operator;
    }

    /** The lists by name, for snapshots. */
    public Map<String, OperatorList> lists() {
        return lists;
    }

    /** Restored lists no descriptor has asked for yet, by name; snapshots include them. */
    public Map<String, Unclaimed<List<Object>>> unclaimedLists() {
        return unclaimed;
    }

    /**
     * Gives restored elements of the list {@code name} to this backend: appended to the list if the
     * operator already asked for it, else they wait until it does. The backend keeps {@code elements}.
     *
     * @throws IllegalStateException if the list exists (or waits) with another signature
     */
    public void restore(String name, StateSignature signature, List<Object> elements) {
        OperatorList live = lists.get(name);
        if (live != null) {
            new Unclaimed<>(signature, elements).requireSignature(name, StateSignature.of(live.descriptor()), operator);
            live.elements().addAll(elements);
            return;
        }
        Unclaimed<List<Object>> waiting = unclaimed.get(name);
        if (waiting == null) {
            unclaimed.put(name, new Unclaimed<>(signature, elements));
        } else {
            waiting.requireSignature(name, signature, operator);
            waiting.contents().addAll(elements);
        }
    }

    public <T> ListState<T> listState(ListStateDescriptor<T> descriptor) {
        OperatorList list = lists.get(descriptor.name());
        if (list == null) {
            list = new OperatorList(descriptor, claimRestored(descriptor));
            lists.put(descriptor.name(), list);
        }
        if (!list.descriptor().type().equals(descriptor.type())) {
            throw new IllegalArgumentException("operator '" + operator + "' asks for " + descriptor
                    + " but the name is already used by " + list.descriptor());
        }
        return list.asState();
    }

    private List<Object> claimRestored(ListStateDescriptor<?> descriptor) {
        Unclaimed<List<Object>> restored = unclaimed.get(descriptor.name());
        if (restored == null) {
            return new ArrayList<>();
        }
        List<Object> elements = restored.claim(descriptor, operator);
        unclaimed.remove(descriptor.name());
        return elements;
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
