package io.shepherd.api.serialization;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Equality for test values that may hold arrays at any depth, where {@code equals} compares
 * arrays by identity. Sets and map keys never hold arrays in our generators, so they compare by
 * {@code equals}; their iteration order must match too, since it is part of what we preserve.
 */
final class DeepEquality {
    private DeepEquality() {}

    static boolean equal(Object a, Object b) {
        if (a == b) {
            return true;
        }
        if (a == null || b == null) {
            return false;
        }
        if (a.getClass().isArray() || b.getClass().isArray()) {
            return Arrays.deepEquals(new Object[] {a}, new Object[] {b});
        }
        if (a instanceof List<?> x && b instanceof List<?> y) {
            return sameSequence(x.iterator(), y.iterator()) && x.size() == y.size();
        }
        if (a instanceof Set<?> x && b instanceof Set<?> y) {
            return x.equals(y) && sameSequence(x.iterator(), y.iterator());
        }
        if (a instanceof Map<?, ?> x && b instanceof Map<?, ?> y) {
            return x.keySet().equals(y.keySet()) && sameSequence(x.keySet().iterator(), y.keySet().iterator())
                    && x.keySet().stream().allMatch(k -> equal(x.get(k), y.get(k)));
        }
        if (a instanceof Record && a.getClass() == b.getClass()) {
            for (RecordComponent component : a.getClass().getRecordComponents()) {
                if (!equal(component(component, a), component(component, b))) {
                    return false;
                }
            }
            return true;
        }
        return Objects.equals(a, b);
    }

    private static boolean sameSequence(Iterator<?> x, Iterator<?> y) {
        while (x.hasNext() && y.hasNext()) {
            if (!equal(x.next(), y.next())) {
                return false;
            }
        }
        return x.hasNext() == y.hasNext();
    }

    private static Object component(RecordComponent component, Object record) {
        try {
            var accessor = component.getAccessor();
            accessor.setAccessible(true);
            return accessor.invoke(record);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }
}
