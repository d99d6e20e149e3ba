package io.shepherd.api.serialization;

import io.shepherd.api.tuple.Tuple2;
import io.shepherd.api.tuple.Tuple3;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** One value for every kind of serializer, for tests that must hold for all of them. */
final class Samples {
    private Samples() {}

    enum Suit { CLUBS, HEARTS }

    record Inner(short s, char c, boolean b, float f) {}

    record Outer(String name, Inner inner, List<Inner> more, Suit suit, long[] longs, Tuple2<String, Integer> pair) {}

    record Legacy(String text) implements Serializable {}

    /** A serializer with a value it writes, named by the serializer's id in test output. */
    record Sample<T>(Serializer<T> serializer, T value) {
        @Override
        public String toString() {
            return serializer.id();
        }
    }

    static List<Sample<?>> all() {
        return List.of(
                new Sample<>(Serializers.longs(), Long.MIN_VALUE),
                new Sample<>(Serializers.varLongs(), -1_000_000L),
                new Sample<>(Serializers.ints(), 123_456),
                new Sample<>(Serializers.shorts(), (short) -2),
                new Sample<>(Serializers.bytes(), (byte) 9),
                new Sample<>(Serializers.doubles(), Math.E),
                new Sample<>(Serializers.floats(), 1.5f),
                new Sample<>(Serializers.booleans(), true),
                new Sample<>(Serializers.chars(), '\u20AC'),
                new Sample<>(Serializers.strings(), "na\u00efve \uD83D\uDE80"),
                new Sample<>(Serializers.byteArrays(), new byte[] {1, 2, 3}),
                new Sample<>(Serializers.intArrays(), new int[] {-1, 2}),
                new Sample<>(Serializers.longArrays(), new long[] {Long.MAX_VALUE}),
                new Sample<>(Serializers.doubleArrays(), new double[] {0.25, -0.0}),
                new Sample<>(Serializers.of(boolean[].class), new boolean[] {true, false, true}),
                new Sample<>(Serializers.of(short[].class), new short[] {1, -1}),
                new Sample<>(Serializers.of(char[].class), new char[] {'a', '\uD800'}),
                new Sample<>(Serializers.of(float[].class), new float[] {Float.NaN}),
                new Sample<>(Serializers.enums(Suit.class), Suit.HEARTS),
                new Sample<>(Serializers.nullable(Serializers.longs()), 5L),
                new Sample<>(Serializers.listOf(Serializers.strings()), List.of("a", "bc")),
                new Sample<>(Serializers.setOf(Serializers.ints()), Set.of(4)),
                new Sample<>(Serializers.mapOf(Serializers.strings(), Serializers.doubles()), Map.of("pi", Math.PI)),
                new Sample<>(Serializers.of(String[].class), new String[] {"x", null}),
                new Sample<>(Serializers.tuple2(Serializers.strings(), Serializers.longs()), Tuple2.of("k", 1L)),
                new Sample<>(Serializers.tuple3(Serializers.ints(), Serializers.ints(), Serializers.ints()),
                        Tuple3.of(1, 2, 3)),
                new Sample<>(Serializers.of(Outer.class), new Outer("o", new Inner((short) 1, 'c', true, 2f),
                        List.of(new Inner((short) 2, 'd', false, -0f)), Suit.CLUBS, new long[] {7},
                        Tuple2.of("p", 8))),
                new Sample<>(Serializers.javaSerialization(Legacy.class), new Legacy("old")));
    }
}
