package io.shepherd.api.serialization;

import java.lang.reflect.Array;
import java.util.Arrays;
import java.util.Objects;

/**
 * An array of objects: a var-int length, then each element as {@code elements} writes it. It
 * reads back as an array of {@code componentType}.
 */
final class ObjectArraySerializer<E> implements Serializer<E[]> {
    private static final long serialVersionUID = 1L;

    private final Class<E> componentType;
    private final Serializer<E> elements;
    private final String id;

    ObjectArraySerializer(Class<E> componentType, Serializer<E> elements) {
        if (componentType.isPrimitive()) {
            throw new IllegalArgumentException(componentType + "[] is a primitive array; use its built-in serializer");
        }
        this.componentType = componentType;
        this.elements = Objects.requireNonNull(elements, "element serializer");
        this.id = "array(" + elements.id() + ")";
    }

    @Override
    public void write(E[] value, ByteOutput out) {
        if (value == null) {
            throw Nulls.rejected(id);
        }
        out.writeVarInt(value.length);
        for (E element : value) {
            elements.write(element, out);
        }
    }

    @Override
    public E[] read(ByteInput in) {
        int length = in.readLength();
        // A corrupt length must not allocate a huge array up front. Elements almost always take a
        // byte or more, so start with what the input could hold and grow only if they do not.
        E[] array = newArray(Math.min(length, in.remaining()));
        for (int i = 0; i < length; i++) {
            if (i == array.length) {
                array = Arrays.copyOf(array, (int) Math.min(length, 2L * i + 1));
            }
            array[i] = elements.read(in);
        }
        return array;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public E[] copy(E[] value) {
        E[] copy = newArray(value.length);
        for (int i = 0; i < value.length; i++) {
            copy[i] = elements.copy(value[i]);
        }
        return copy;
    }

    @SuppressWarnings("unchecked")
    private E[] newArray(int length) {
        return (E[]) Array.newInstance(componentType, length);
    }
}
