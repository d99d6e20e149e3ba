package io.shepherd.runtime.state.snapshot;

import io.shepherd.api.serialization.ByteOutput;
import io.shepherd.api.serialization.SerializationException;
import io.shepherd.api.serialization.SerializerRegistry;
import io.shepherd.api.tuple.Tuple2;
import io.shepherd.api.tuple.Tuple3;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;

/**
 * Writes values of any type, each with a tag that says how to read it back (see {@link ValueCodec}
 * for the format). A class that needs a name is named once per writer: its first value carries a
 * dictionary entry, later ones a one-byte reference. Write everything a {@link ValueReader} will
 * read with one writer, in order.
 *
 * <p>Not thread-safe. Values must not change while they are written.
 */
public final class ValueWriter {
    private final ByteOutput out;
    private final SerializerRegistry registry;
    private final Map<Class<?>, WrittenClass> classes = new HashMap<>();
    private int depth;

    ValueWriter(ByteOutput out, SerializerRegistry registry) {
        this.out = out;
        this.registry = registry;
    }

    /**
     * Appends {@code value}, which may be null.
     *
     * @throws SerializationException if the value, or something in it, cannot be written (the
     *     message names its class), or it is nested deeper than {@value ValueCodec#MAX_DEPTH} levels
     */
    public void write(Object value) {
        if (value == null) {
            out.writeByte(ValueTags.NULL);
        } else if (value instanceof Long number) {
            out.writeByte(ValueTags.LONG);
            out.writeSignedVarLong(number);
        } else if (value instanceof Integer number) {
            out.writeByte(ValueTags.INT);
            out.writeSignedVarInt(number);
        } else if (value instanceof String text) {
            out.writeByte(ValueTags.STRING);
            out.writeString(text);
        } else if (value instanceof Double number) {
            out.writeByte(ValueTags.DOUBLE);
            out.writeDouble(number);
        } else if (value instanceof Boolean flag) {
            out.writeByte(flag ? ValueTags.TRUE : ValueTags.FALSE);
        } else if (value instanceof byte[] bytes) {
            out.writeByte(ValueTags.BYTES);
            out.writeVarInt(bytes.length);
            out.writeBytes(bytes);
        } else {
            requireDepth(value);
            depth++;
            try {
                writeNested(value);
            } finally {
                depth--;
            }
        }
    }

    private void writeNested(Object value) {
        if (value instanceof Tuple2<?, ?> tuple) {
            out.writeByte(ValueTags.TUPLE2);
            write(tuple.f0());
            write(tuple.f1());
        } else if (value instanceof Tuple3<?, ?, ?> tuple) {
            out.writeByte(ValueTags.TUPLE3);
            write(tuple.f0());
            write(tuple.f1());
            write(tuple.f2());
        } else if (value instanceof Enum<?> constant) {
            writeOfClass(constant.getDeclaringClass(), value);
        } else if (value instanceof List<?> list) {
            writeElements(ValueTags.LIST, list);
        } else if (value instanceof Set<?> set && !(set instanceof SortedSet)) {
            writeElements(ValueTags.SET, set);
        } else if (value instanceof Map<?, ?> map && !(map instanceof SortedMap)) {
            writeEntries(map);
        } else {
            // Sorted collections keep their comparator only through their own class's serialization.
            writeOfClass(value.getClass(), value);
        }
    }

    private void writeElements(byte tag, Collection<?> elements) {
        out.writeByte(tag);
        out.writeVarInt(elements.size());
        int written = 0;
        for (Object element : elements) {
            write(element);
            written++;
        }
        requireSize(elements.size(), written, elements);
    }

    private void writeEntries(Map<?, ?> map) {
        out.writeByte(ValueTags.MAP);
        out.writeVarInt(map.size());
        int written = 0;
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            write(entry.getKey());
            write(entry.getValue());
            written++;
        }
        requireSize(map.size(), written, map);
    }

    private void writeOfClass(Class<?> type, Object value) {
        WrittenClass entry = classes.get(type);
        if (entry == null) {
            entry = WrittenClass.of(type, classes.size(), registry);
            classes.put(type, entry);
            out.writeByte(entry.tag());
            out.writeVarInt(entry.index);
            out.writeString(type.getName());
            entry.writeDefinition(out);
        } else {
            out.writeByte(entry.tag());
            out.writeVarInt(entry.index);
        }
        entry.writeValue(value, this, out);
    }

    private void requireDepth(Object value) {
        if (depth == ValueCodec.MAX_DEPTH) {
            throw new SerializationException("cannot write a " + value.getClass().getName() + " nested more than "
                    + ValueCodec.MAX_DEPTH + " levels deep; does a collection or record contain itself?");
        }
    }

    /** A collection changed while it was written: the bytes would not read back. */
    private static void requireSize(int announced, int written, Object collection) {
        if (announced != written) {
            throw new SerializationException("a " + collection.getClass().getName() + " had " + announced
                    + " elements when its size was written and " + written + " when it was iterated; values in "
                    + "state must not change after they are handed to it");
        }
    }
}
