package io.shepherd.runtime.state.snapshot;

import io.shepherd.api.state.StateDescriptor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The mutable containers keyed state keeps per key (the list of list state, the map of map state)
 * turned into arrays for a snapshot, and rebuilt on restore. Values and reduced values are kept as
 * they are: they are immutable once handed to state.
 */
final class StateContainers {
    private StateContainers() {}

    /** What a snapshot keeps of one entry's value: a copy later changes to the state cannot reach. */
    static Object detach(StateDescriptor.Kind kind, Object value) {
        return switch (kind) {
            case LIST -> ((List<?>) value).toArray();
            case MAP -> flatten((Map<?, ?>) value);
            case VALUE, REDUCING -> value;
        };
    }

    /** A fresh live value from what {@link #detach} kept; a new container on every call. */
    static Object attach(StateDescriptor.Kind kind, Object detached) {
        return switch (kind) {
            case LIST -> new ArrayList<>(Arrays.asList((Object[]) detached));
            case MAP -> unflatten((Object[]) detached);
            case VALUE, REDUCING -> detached;
        };
    }

    private static Object[] flatten(Map<?, ?> map) {
        Object[] pairs = new Object[2 * map.size()];
        int i = 0;
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            pairs[i++] = entry.getKey();
            pairs[i++] = entry.getValue();
        }
        return pairs;
    }

    private static HashMap<Object, Object> unflatten(Object[] pairs) {
        HashMap<Object, Object> map = new HashMap<>(pairs.length); // room for pairs.length / 2 entries within the load factor
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return map;
    }
}
