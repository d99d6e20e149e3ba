package io.shepherd.api.serialization;

import java.util.Objects;

/** One presence byte (0 for null, 1 for a value), then the value as {@code inner} writes it. */
final class NullableSerializer<T> implements Serializer<T> {
    private static final long serialVersionUID = 1L;

    private final Serializer<T> inner;
    private final String id;

    NullableSerializer(Serializer<T> inner) {
        this.inner = Objects.requireNonNull(inner, "inner serializer");
        this.id = "nullable(" + inner.id() + ")";
    }

    @Override
    public void write(T value, ByteOutput out) {
        if (value == null) {
            out.writeByte(0);
        } else {
            out.writeByte(1);
            inner.write(value, out);
        }
    }

    @Override
    public T read(ByteInput in) {
        int at = in.position();
        byte presence = in.readByte();
        if (presence == 1) {
            return inner.read(in);
        }
        if (presence == 0) {
            return null;
        }
        throw in.invalidAt(at, "the presence byte before a " + inner.id() + " must be 0 or 1, found " + presence);
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public T copy(T value) {
        return value == null ? null : inner.copy(value);
    }

    Serializer<T> inner() {
        return inner;
    }
}
