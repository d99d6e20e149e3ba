package io.shepherd.runtime.testing;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Compares collections as multisets and says exactly which elements are missing or extra. */
public final class Multisets {
    private Multisets() {}

    /** The difference of {@code actual} against {@code expected}; empty when they are equal as multisets. */
    public static <T> Diff<T> diff(Collection<? extends T> expected, Collection<? extends T> actual) {
        Map<T, Integer> counts = new HashMap<>();
        for (T e : expected) {
            counts.merge(e, 1, Integer::sum);
        }
        for (T a : actual) {
            counts.merge(a, -1, Integer::sum);
        }
        List<T> missing = new ArrayList<>();
        List<T> extra = new ArrayList<>();
        counts.forEach((element, count) -> {
            for (int i = 0; i < count; i++) {
                missing.add(element);
            }
            for (int i = 0; i < -count; i++) {
                extra.add(element);
            }
        });
        missing.sort(Multisets::byText);
        extra.sort(Multisets::byText);
        return new Diff<>(missing, extra);
    }

    private static int byText(Object a, Object b) {
        return String.valueOf(a).compareTo(String.valueOf(b));
    }

    /** Elements expected but not seen, and seen but not expected (each as often as it is off). */
    public record Diff<T>(List<T> missing, List<T> extra) {
        public boolean isEmpty() {
            return missing.isEmpty() && extra.isEmpty();
        }

        @Override
        public String toString() {
            return "missing " + missing.size() + " " + missing + ", extra " + extra.size() + " " + extra;
        }
    }
}
