package io.shepherd.api.serialization;

import java.util.Map;

/** The serializers chosen for a class without asking: boxed primitives, strings, primitive arrays. */
final class BuiltIns {
    private static final Map<Class<?>, Serializer<?>> BY_CLASS = Map.ofEntries(
            Map.entry(Long.class, ScalarSerializers.LongSerializer.INSTANCE),
            Map.entry(Integer.class, ScalarSerializers.IntSerializer.INSTANCE),
            Map.entry(Short.class, ScalarSerializers.ShortSerializer.INSTANCE),
            Map.entry(Byte.class, ScalarSerializers.ByteSerializer.INSTANCE),
            Map.entry(Double.class, ScalarSerializers.DoubleSerializer.INSTANCE),
            Map.entry(Float.class, ScalarSerializers.FloatSerializer.INSTANCE),
            Map.entry(Boolean.class, ScalarSerializers.BooleanSerializer.INSTANCE),
            Map.entry(Character.class, ScalarSerializers.CharSerializer.INSTANCE),
            Map.entry(String.class, ScalarSerializers.StringSerializer.INSTANCE),
            Map.entry(byte[].class, ArraySerializers.BytesSerializer.INSTANCE),
            Map.entry(boolean[].class, ArraySerializers.BooleansSerializer.INSTANCE),
            Map.entry(short[].class, ArraySerializers.ShortsSerializer.INSTANCE),
            Map.entry(char[].class, ArraySerializers.CharsSerializer.INSTANCE),
            Map.entry(int[].class, ArraySerializers.IntsSerializer.INSTANCE),
            Map.entry(long[].class, ArraySerializers.LongsSerializer.INSTANCE),
            Map.entry(float[].class, ArraySerializers.FloatsSerializer.INSTANCE),
            Map.entry(double[].class, ArraySerializers.DoublesSerializer.INSTANCE));

    private static final Map<Class<?>, Class<?>> BOXES = Map.of(
            long.class, Long.class,
            int.class, Integer.class,
            short.class, Short.class,
            byte.class, Byte.class,
            double.class, Double.class,
            float.class, Float.class,
            boolean.class, Boolean.class,
            char.class, Character.class);

    private BuiltIns() {}

    /** The built-in serializer of {@code type} (a primitive counts as its box), or null. */
    static Serializer<?> find(Class<?> type) {
        return BY_CLASS.get(box(type));
    }

    static Class<?> box(Class<?> type) {
        return type.isPrimitive() ? BOXES.getOrDefault(type, type) : type;
    }
}
