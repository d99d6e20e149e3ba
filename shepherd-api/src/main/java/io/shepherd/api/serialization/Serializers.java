package io.shepherd.api.serialization;

import io.shepherd.api.tuple.Tuple2;
import io.shepherd.api.tuple.Tuple3;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The built-in serializers, and the ways to combine them. Wire formats are documented in
 * {@code docs/serialization.md}; every one is named by the serializer's {@link Serializer#id()}.
 *
 * <p>Built-ins reject {@code null}; {@link #nullable} adds a presence byte. Java serialization is
 * never used unless asked for with {@link #javaSerialization}.
 */
public final class Serializers {
    private Serializers() {}

    /**
     * The serializer of {@code type} from the built-ins alone (nothing user-registered); see
     * {@link SerializerRegistry#of(Class)} for the rules and for registering serializers.
     *
     * @throws MissingSerializerException if the type, or something it contains, has no serializer
     */
    public static <T> Serializer<T> of(Class<T> type) {
        return SerializerRegistry.builtIns().of(type);
    }

    /** Eight bytes, little-endian. */
    public static Serializer<Long> longs() {
        return ScalarSerializers.LongSerializer.INSTANCE;
    }

    /** Zig-zag var-long: one byte for -64..63, up to ten bytes. For counters and small ids. */
    public static Serializer<Long> varLongs() {
        return ScalarSerializers.VarLongSerializer.INSTANCE;
    }

    /** Four bytes, little-endian. */
    public static Serializer<Integer> ints() {
        return ScalarSerializers.IntSerializer.INSTANCE;
    }

    public static Serializer<Short> shorts() {
        return ScalarSerializers.ShortSerializer.INSTANCE;
    }

    public static Serializer<Byte> bytes() {
        return ScalarSerializers.ByteSerializer.INSTANCE;
    }

    /** The raw IEEE 754 bits: NaN payloads and -0.0 survive. */
    public static Serializer<Double> doubles() {
        return ScalarSerializers.DoubleSerializer.INSTANCE;
    }

    /** The raw IEEE 754 bits: NaN payloads and -0.0 survive. */
    public static Serializer<Float> floats() {
        return ScalarSerializers.FloatSerializer.INSTANCE;
    }

    public static Serializer<Boolean> booleans() {
        return ScalarSerializers.BooleanSerializer.INSTANCE;
    }

    public static Serializer<Character> chars() {
        return ScalarSerializers.CharSerializer.INSTANCE;
    }

    /** UTF-8 with a var-int length; every Java string round-trips, lone surrogates included. */
    public static Serializer<String> strings() {
        return ScalarSerializers.StringSerializer.INSTANCE;
    }

    public static Serializer<byte[]> byteArrays() {
        return ArraySerializers.BytesSerializer.INSTANCE;
    }

    public static Serializer<int[]> intArrays() {
        return ArraySerializers.IntsSerializer.INSTANCE;
    }

    public static Serializer<long[]> longArrays() {
        return ArraySerializers.LongsSerializer.INSTANCE;
    }

    public static Serializer<double[]> doubleArrays() {
        return ArraySerializers.DoublesSerializer.INSTANCE;
    }

    /** The ordinal as a var-int; the id lists the constants, so reordering them is detected. */
    public static <E extends Enum<E>> Serializer<E> enums(Class<E> type) {
        return new EnumSerializer<>(type);
    }

    /** Allows {@code null}: a presence byte (0 or 1), then the value if present. */
    public static <T> Serializer<T> nullable(Serializer<T> serializer) {
        return serializer instanceof NullableSerializer<T> ? serializer : new NullableSerializer<>(serializer);
    }

    /** A var-int count, then the elements; reads back an {@link java.util.ArrayList}. */
    public static <E> Serializer<List<E>> listOf(Serializer<E> elements) {
        return new CollectionSerializers.ListSerializer<>(elements);
    }

    /** A var-int count, then the elements; reads back a {@link java.util.LinkedHashSet}. */
    public static <E> Serializer<Set<E>> setOf(Serializer<E> elements) {
        return new CollectionSerializers.SetSerializer<>(elements);
    }

    /** A var-int count, then key and value per entry; reads back a {@link java.util.LinkedHashMap}. */
    public static <K, V> Serializer<Map<K, V>> mapOf(Serializer<K> keys, Serializer<V> values) {
        return new CollectionSerializers.MapSerializer<>(keys, values);
    }

    /**
     * A tuple from the serializers of its fields, used exactly as given (wrap a field's serializer
     * with {@link #nullable} if it may be null). The bytes and id equal those of the record form.
     */
    public static <A, B> Serializer<Tuple2<A, B>> tuple2(Serializer<A> f0, Serializer<B> f1) {
        return new TupleSerializers.Tuple2Serializer<>(f0, f1);
    }

    /** As {@link #tuple2}, for three fields. */
    public static <A, B, C> Serializer<Tuple3<A, B, C>> tuple3(Serializer<A> f0, Serializer<B> f1, Serializer<C> f2) {
        return new TupleSerializers.Tuple3Serializer<>(f0, f1, f2);
    }

    /**
     * A record from one serializer per component, in declaration order, used exactly as given: for
     * generic records, or to choose a compact or non-null form for a component. The caller vouches
     * that each serializer fits its component's type.
     *
     * @throws IllegalArgumentException if the number of serializers differs from the components
     */
    public static <R extends Record> Serializer<R> record(Class<R> type, Serializer<?>... components) {
        return new RecordSerializer<>(type, components.clone());
    }

    /**
     * The opt-in fallback through {@code java.io} serialization, for {@link Serializable} types that
     * have no better serializer, on cold paths only. It is never chosen for you: register it.
     *
     * <p>Why it is not the default: each value carries its class descriptors (often ten times the
     * size of the data), each write and read builds an object stream and reflects over fields (many
     * times slower than the built-ins; see the serializer benchmarks), the format breaks silently
     * with class changes unless {@code serialVersionUID} is managed, and reading runs code chosen
     * by the bytes, so it must never read data from outside the trust boundary.
     */
    public static <T extends Serializable> Serializer<T> javaSerialization(Class<T> type) {
        return new JavaSerializationSerializer<>(type);
    }
}
