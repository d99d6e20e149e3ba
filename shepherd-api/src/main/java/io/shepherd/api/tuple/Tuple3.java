package io.shepherd.api.tuple;

import java.io.Serializable;

/**
 * Three values; fields are named by position.
 *
 * <p>To keep one in state or send it over the wire, give its serializer the serializers of its
 * fields: {@code io.shepherd.api.serialization.Serializers.tuple3(a, b, c)}. The field types
 * are erased, so they cannot be found from the class alone.
 */
public record Tuple3<A, B, C>(A f0, B f1, C f2) implements Serializable {
    public static <A, B, C> Tuple3<A, B, C> of(A f0, B f1, C f2) {
        return new Tuple3<>(f0, f1, f2);
    }
}
