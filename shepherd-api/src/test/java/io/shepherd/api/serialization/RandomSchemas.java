package io.shepherd.api.serialization;

import io.shepherd.api.tuple.Tuple2;
import io.shepherd.api.tuple.Tuple3;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Function;

/**
 * Random serializers paired with generators of values for them, nested a few levels deep: the
 * inputs of the seeded round-trip test.
 */
final class RandomSchemas {
    private RandomSchemas() {}

    enum Planet { MERCURY, VENUS, EARTH }

    record Box<T>(T value) {}

    record Reading(long at, double value, String sensor, Planet planet, int[] samples) {}

    record Station(String name, List<Reading> readings, Map<String, Reading> latest, Tuple2<String, Long> tag) {}

    /**
     * A serializer and a generator of values it accepts. {@code hashable} says whether values have
     * value-based equals and hashCode (no arrays inside), so they may be set elements or map keys.
     */
    record Schema<T>(Serializer<T> serializer, Function<SplittableRandom, T> values, boolean hashable) {}

    static Schema<?> any(SplittableRandom random, int depth) {
        if (depth == 0 || random.nextInt(3) == 0) {
            return leaf(random);
        }
        return composite(random, depth - 1);
    }

    private static Schema<?> hashable(SplittableRandom random, int depth) {
        for (int attempt = 0; ; attempt++) {
            Schema<?> schema = any(random, depth);
            if (schema.hashable()) {
                return schema;
            }
            if (attempt > 5) {
                return leaf(random, 9); // strings
            }
        }
    }

    private static Schema<?> leaf(SplittableRandom random) {
        return leaf(random, random.nextInt(16));
    }

    private static Schema<?> leaf(SplittableRandom random, int kind) {
        return switch (kind) {
            case 0 -> new Schema<>(Serializers.longs(), RandomSchemas::anyLong, true);
            case 1 -> new Schema<>(Serializers.varLongs(), RandomSchemas::anyLong, true);
            case 2 -> new Schema<>(Serializers.ints(), r -> (int) anyLong(r), true);
            case 3 -> new Schema<>(Serializers.shorts(), r -> (short) r.nextInt(), true);
            case 4 -> new Schema<>(Serializers.bytes(), r -> (byte) r.nextInt(), true);
            case 5 -> new Schema<>(Serializers.doubles(), RandomSchemas::anyDouble, true);
            case 6 -> new Schema<>(Serializers.floats(), r -> Float.intBitsToFloat(r.nextInt()), true);
            case 7 -> new Schema<>(Serializers.booleans(), SplittableRandom::nextBoolean, true);
            case 8 -> new Schema<>(Serializers.chars(), r -> (char) r.nextInt(0x10000), true);
            case 9 -> new Schema<>(Serializers.strings(), RandomSchemas::anyString, true);
            case 10 -> new Schema<>(Serializers.byteArrays(), r -> bytes(r), false);
            case 11 -> new Schema<>(Serializers.longArrays(), r -> r.longs(r.nextInt(5)).toArray(), false);
            case 12 -> new Schema<>(Serializers.doubleArrays(), r -> r.doubles(r.nextInt(5)).toArray(), false);
            case 13 -> new Schema<>(Serializers.enums(Planet.class), r -> Planet.values()[r.nextInt(3)], true);
            case 14 -> new Schema<>(Serializers.of(Reading.class), RandomSchemas::reading, false);
            default -> new Schema<>(Serializers.of(Station.class), RandomSchemas::station, false);
        };
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Schema<?> composite(SplittableRandom random, int depth) {
        switch (random.nextInt(7)) {
            case 0: {
                Schema inner = any(random, depth);
                Function<SplittableRandom, Object> values = inner.values();
                return new Schema<>(Serializers.nullable(inner.serializer()),
                        r -> r.nextInt(4) == 0 ? null : values.apply(r), inner.hashable());
            }
            case 1: {
                Schema inner = any(random, depth);
                return new Schema<>(Serializers.listOf(inner.serializer()), r -> list(r, inner.values()), inner.hashable());
            }
            case 2: {
                Schema inner = hashable(random, depth);
                return new Schema<>(Serializers.setOf(inner.serializer()), r -> set(r, inner.values()), true);
            }
            case 3: {
                Schema keys = hashable(random, depth);
                Schema values = any(random, depth);
                return new Schema<>(Serializers.mapOf(keys.serializer(), values.serializer()),
                        r -> map(r, keys.values(), values.values()), values.hashable());
            }
            case 4: {
                Schema a = any(random, depth);
                Schema b = any(random, depth);
                Function<SplittableRandom, Object> fa = a.values();
                Function<SplittableRandom, Object> fb = b.values();
                return new Schema<>(Serializers.tuple2(a.serializer(), b.serializer()),
                        r -> Tuple2.of(fa.apply(r), fb.apply(r)), a.hashable() && b.hashable());
            }
            case 5: {
                Schema a = any(random, depth);
                Schema b = any(random, depth);
                Schema c = any(random, depth);
                Function<SplittableRandom, Object> fa = a.values();
                Function<SplittableRandom, Object> fb = b.values();
                Function<SplittableRandom, Object> fc = c.values();
                return new Schema<>(Serializers.tuple3(a.serializer(), b.serializer(), c.serializer()),
                        r -> Tuple3.of(fa.apply(r), fb.apply(r), fc.apply(r)),
                        a.hashable() && b.hashable() && c.hashable());
            }
            default: {
                Schema inner = any(random, depth);
                Function<SplittableRandom, Object> values = inner.values();
                return new Schema<>(Serializers.record(Box.class, inner.serializer()),
                        r -> new Box<>(values.apply(r)), inner.hashable());
            }
        }
    }

    static long anyLong(SplittableRandom random) {
        return switch (random.nextInt(4)) {
            case 0 -> random.nextLong();
            case 1 -> random.nextLong(-300, 300);
            case 2 -> random.nextBoolean() ? Long.MIN_VALUE : Long.MAX_VALUE;
            default -> 1L << random.nextInt(64);
        };
    }

    static double anyDouble(SplittableRandom random) {
        return switch (random.nextInt(3)) {
            case 0 -> Double.longBitsToDouble(random.nextLong()); // includes NaN payloads
            case 1 -> random.nextBoolean() ? -0.0 : Double.NaN;
            default -> random.nextDouble(-1e6, 1e6);
        };
    }

    /** ASCII, Latin-1, the BMP, supplementary characters and lone surrogates, mixed. */
    static String anyString(SplittableRandom random) {
        int length = random.nextInt(4) == 0 ? random.nextInt(200) : random.nextInt(12);
        StringBuilder builder = new StringBuilder(length);
        int flavor = random.nextInt(3); // mostly ASCII strings take the fast path
        for (int i = 0; i < length; i++) {
            if (flavor == 0) {
                builder.append((char) random.nextInt(0x80));
                continue;
            }
            switch (random.nextInt(5)) {
                case 0 -> builder.append((char) random.nextInt(0x80));
                case 1 -> builder.append((char) random.nextInt(0x80, 0x800));
                case 2 -> builder.append((char) random.nextInt(0x800, 0xD800));
                case 3 -> builder.appendCodePoint(random.nextInt(0x10000, 0x110000));
                default -> builder.append((char) random.nextInt(0xD800, 0xE000)); // a lone surrogate, likely
            }
        }
        return builder.toString();
    }

    private static byte[] bytes(SplittableRandom random) {
        byte[] bytes = new byte[random.nextInt(8)];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) random.nextInt();
        }
        return bytes;
    }

    private static Reading reading(SplittableRandom random) {
        return new Reading(anyLong(random), anyDouble(random), random.nextInt(5) == 0 ? null : anyString(random),
                random.nextInt(4) == 0 ? null : Planet.values()[random.nextInt(3)],
                random.nextBoolean() ? null : random.ints(random.nextInt(4)).toArray());
    }

    private static Station station(SplittableRandom random) {
        List<Reading> readings = list(random, RandomSchemas::reading);
        Map<String, Reading> latest = map(random, RandomSchemas::anyString, RandomSchemas::reading);
        return new Station(anyString(random), readings, latest,
                random.nextBoolean() ? null : Tuple2.of(anyString(random), random.nextBoolean() ? null : anyLong(random)));
    }

    private static <T> List<T> list(SplittableRandom random, Function<SplittableRandom, T> values) {
        int size = random.nextInt(5);
        List<T> list = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            list.add(values.apply(random));
        }
        return list;
    }

    private static <T> Set<T> set(SplittableRandom random, Function<SplittableRandom, T> values) {
        Set<T> set = new LinkedHashSet<>();
        for (int i = random.nextInt(5); i > 0; i--) {
            set.add(values.apply(random));
        }
        return set;
    }

    private static <K, V> Map<K, V> map(SplittableRandom random, Function<SplittableRandom, K> keys,
            Function<SplittableRandom, V> values) {
        Map<K, V> map = new LinkedHashMap<>();
        for (int i = random.nextInt(5); i > 0; i--) {
            map.put(keys.apply(random), values.apply(random));
        }
        return map;
    }
}
