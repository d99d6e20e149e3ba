package io.shepherd.api.tuple;

import java.io.Serializable;

/**
 * A pair of values; fields are named by position.
 *
 * <p>To keep one in state or send it over the wire, give its serializer the serializers of its
 * fields: {@code io.shepherd.api.serialization.Serializers.tuple2(a, b)}. The field types are
 * erased, so they cannot be found from the class alone.
 */
public record Tuple2<A, B>(A f0, B f1) implements Serializable {
    public static <A, B> Tuple2<A, B> of(A f0, B f1) {
        return new Tuple2<>(f0, f1);
    }
}
