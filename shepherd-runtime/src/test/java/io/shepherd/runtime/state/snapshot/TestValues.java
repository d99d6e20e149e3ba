package io.shepherd.runtime.state.snapshot;

import io.shepherd.api.tuple.Tuple2;
import io.shepherd.api.tuple.Tuple3;
import io.shepherd.api.windowing.TimeWindow;
import java.io.Serializable;
import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.stream.IntStream;

/**
 * Random keys and values of every kind {@link ValueCodec} distinguishes, and a canonical form that
 * compares arrays by content, so that state read back can be checked with {@code equals}.
 */
final class TestValues {
    /** Resolved by the serializer registry: written with its record serializer. */
    record Point(long x, String label) {}

    /** A component of type Object: written component by component. */
    record Box(Object content) {}

    /** BLUE has a body of its own, so its class is not the enum's. */
    enum Color {
        RED,
        GREEN,
        BLUE {
            @Override
            public String toString() {
                return "blue";
            }
        }
    }

    /** Neither a record nor registered: written with java serialization. */
    static final class Money implements Serializable {
        private static final long serialVersionUID = 1L;
        final long cents;

        Money(long cents) {
            this.cents = cents;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Money money && money.cents == cents;
        }

        @Override
        public int hashCode() {
            return Long.hashCode(cents);
        }

        @Override
        public String toString() {
            return "Money(" + cents + ")";
        }
    }

    /** An array compared by content, in the canonical form. */
    record ArrayValue(String type, List<Object> elements) {}

    private TestValues() {}

    /** Keys have hash codes that depend on their content only, as keys on a keyed stream must. */
    static Object key(SplittableRandom random) {
        return switch (random.nextInt(8)) {
            case 0 -> random.nextLong(-50, 50);
            case 1 -> (long) random.nextInt();
            case 2 -> random.nextInt(100);
            case 3 -> string(random);
            case 4 -> random.nextInt(4) == 0 ? Double.NaN : random.nextInt(1000) / 8.0;
            case 5 -> Tuple2.of(string(random), random.nextLong(10));
            case 6 -> new Point(random.nextLong(10), string(random));
            default -> Color.values()[random.nextInt(3)];
        };
    }

    /** Any value, nested at most {@code depth} levels; null only where {@code nulls}. */
    static Object value(SplittableRandom random, int depth, boolean nulls) {
        int kinds = depth > 0 ? 22 : 14;
        return switch (random.nextInt(kinds)) {
            case 0 -> random.nextLong();
            case 1 -> random.nextInt(-3, 3);
            case 2 -> string(random);
            case 3 -> random.nextInt(5) == 0 ? -0.0 : random.nextDouble();
            case 4 -> random.nextBoolean();
            case 5 -> bytes(random);
            case 6 -> (short) random.nextInt();
            case 7 -> random.nextInt(3) == 0 ? Float.NaN : (float) random.nextDouble();
            case 8 -> (char) random.nextInt(0xFFFF);
            case 9 -> IntStream.range(0, random.nextInt(4)).map(i -> random.nextInt()).toArray();
            case 10 -> new Point(random.nextLong(), string(random));
            case 11 -> Color.values()[random.nextInt(3)];
            case 12 -> new Money(random.nextLong(1000));
            case 13 -> nulls ? null : new TimeWindow(random.nextLong(100), 100 + random.nextLong(100));
            case 14 -> Tuple2.of(value(random, depth - 1, true), value(random, depth - 1, true));
            case 15 -> Tuple3.of(value(random, depth - 1, true), key(random), value(random, depth - 1, true));
            case 16 -> list(random, depth - 1);
            case 17 -> map(random, depth - 1, random.nextBoolean() ? new HashMap<>() : new LinkedHashMap<>());
            case 18 -> set(random, depth - 1);
            case 19 -> treeMap(random);
            case 20 -> new Box(value(random, depth - 1, true));
            default -> List.of(key(random), key(random)); // an immutable list reads back as an ArrayList
        };
    }

    static String string(SplittableRandom random) {
        String[] samples = {"", "a", "key", "schlüssel", "ключ", "鍵", "\uD83D\uDE00", "\uD800 lone", "x".repeat(200)};
        return random.nextInt(3) == 0 ? "k" + random.nextInt(40) : samples[random.nextInt(samples.length)];
    }

    static byte[] bytes(SplittableRandom random) {
        byte[] bytes = new byte[random.nextInt(6)];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) random.nextInt();
        }
        return bytes;
    }

    private static List<Object> list(SplittableRandom random, int depth) {
        List<Object> list = new ArrayList<>();
        for (int i = random.nextInt(4); i > 0; i--) {
            list.add(value(random, depth, true));
        }
        return list;
    }

    private static Map<Object, Object> map(SplittableRandom random, int depth, Map<Object, Object> map) {
        for (int i = random.nextInt(4); i > 0; i--) {
            map.put(key(random), value(random, depth, true));
        }
        return map;
    }

    private static Set<Object> set(SplittableRandom random, int depth) {
        Set<Object> set = new LinkedHashSet<>();
        for (int i = random.nextInt(4); i > 0; i--) {
            set.add(key(random));
        }
        return set;
    }

    private static TreeMap<String, Long> treeMap(SplittableRandom random) {
        TreeMap<String, Long> map = new TreeMap<>();
        for (int i = random.nextInt(3); i > 0; i--) {
            map.put(string(random), random.nextLong());
        }
        return map;
    }

    /** The value with arrays replaced by {@link ArrayValue}s, at any depth, so equals compares content. */
    static Object canonical(Object value) {
        if (value == null) {
            return null;
        }
        if (value.getClass().isArray()) {
            return arrayValue(value);
        }
        if (value instanceof List<?> list) {
            return list.stream().map(TestValues::canonical).toList();
        }
        if (value instanceof Set<?> set) {
            Set<Object> copy = new LinkedHashSet<>();
            set.forEach(element -> copy.add(canonical(element)));
            return copy;
        }
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put(canonical(k), canonical(v)));
            return copy;
        }
        if (value instanceof Tuple2<?, ?> tuple) {
            return Tuple2.of(canonical(tuple.f0()), canonical(tuple.f1()));
        }
        if (value instanceof Tuple3<?, ?, ?> tuple) {
            return Tuple3.of(canonical(tuple.f0()), canonical(tuple.f1()), canonical(tuple.f2()));
        }
        if (value instanceof Box box) {
            return new Box(canonical(box.content()));
        }
        return value;
    }

    private static ArrayValue arrayValue(Object array) {
        List<Object> elements = new ArrayList<>();
        for (int i = 0; i < Array.getLength(array); i++) {
            elements.add(canonical(Array.get(array, i)));
        }
        return new ArrayValue(array.getClass().getComponentType().getName(), elements);
    }
}
