package io.shepherd.runtime.state.snapshot;

import io.shepherd.api.serialization.ByteInput;
import io.shepherd.api.serialization.SerializationException;
import io.shepherd.api.tuple.Tuple2;
import io.shepherd.api.tuple.Tuple3;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads what one {@link ValueWriter} wrote, value by value, in order. Bad input fails with a
 * {@link SerializationException} naming the position: an unknown tag, a reference to a class not
 * yet defined, a count larger than the bytes left could hold, nesting deeper than
 * {@value ValueCodec#MAX_DEPTH}. So garbage can neither loop nor ask for a huge allocation.
 *
 * <p>Not thread-safe.
 */
public final class ValueReader {
    private final ByteInput in;
    private final ValueCodec codec;
    private final List<ReadClass> classes = new ArrayList<>();
    private int depth;

    ValueReader(ByteInput in, ValueCodec codec) {
        this.in = in;
        this.codec = codec;
    }

    /** Reads the next value, which may be null. */
    public Object read() {
        int at = in.position();
        byte tag = in.readByte();
        return switch (tag) {
            case ValueTags.NULL -> null;
            case ValueTags.TRUE -> Boolean.TRUE;
            case ValueTags.FALSE -> Boolean.FALSE;
            case ValueTags.LONG -> in.readSignedVarLong();
            case ValueTags.INT -> in.readSignedVarInt();
            case ValueTags.STRING -> in.readString();
            case ValueTags.DOUBLE -> in.readDouble();
            case ValueTags.BYTES -> in.readBytes(in.checkAvailable(in.readLength(), "a byte[]"));
            default -> readNested(tag, at);
        };
    }

    private Object readNested(byte tag, int at) {
        if (depth == ValueCodec.MAX_DEPTH) {
            throw in.invalidAt(at, "values nested more than " + ValueCodec.MAX_DEPTH + " levels deep");
        }
        depth++;
        try {
            return switch (tag) {
                case ValueTags.TUPLE2 -> new Tuple2<>(read(), read());
                case ValueTags.TUPLE3 -> new Tuple3<>(read(), read(), read());
                case ValueTags.LIST -> readList();
                case ValueTags.SET -> readSet(at);
                case ValueTags.MAP -> readMap(at);
                default -> readOfClass(tag, at);
            };
        } finally {
            depth--;
        }
    }

    /** A count of values that follow; each takes at least one byte, so more than remain is corrupt. */
    private int count(String what) {
        return in.checkAvailable(in.readLength(), what);
    }

    /** Corrupt counts are bounded by the bytes left, but trust them for growth only, not for a large up-front table. */
    private static int initialCapacity(int count) {
        return Math.min(count, 1024);
    }

    private List<Object> readList() {
        int count = count("list elements");
        List<Object> list = new ArrayList<>(initialCapacity(count));
        for (int i = 0; i < count; i++) {
            list.add(read());
        }
        return list;
    }

    private Set<Object> readSet(int at) {
        int count = count("set elements");
        Set<Object> set = new LinkedHashSet<>(initialCapacity(count));
        for (int i = 0; i < count; i++) {
            Object element = read();
            if (!set.add(element)) {
                throw in.invalidAt(at, "a set repeats the element " + element);
            }
        }
        return set;
    }

    private Map<Object, Object> readMap(int at) {
        int count = count("map entries");
        Map<Object, Object> map = new LinkedHashMap<>(initialCapacity(count));
        for (int i = 0; i < count; i++) {
            Object key = read();
            if (map.containsKey(key)) {
                throw in.invalidAt(at, "a map repeats the key " + key);
            }
            map.put(key, read());
        }
        return map;
    }

    private Object readOfClass(byte tag, int at) {
        if (!ValueTags.refersToClass(tag)) {
            throw in.invalidAt(at, "unknown value tag " + tag);
        }
        int referenceAt = in.position();
        int reference = in.readVarInt();
        ReadClass entry;
        if (reference == classes.size()) {
            entry = ReadClass.define(tag, in, codec);
            classes.add(entry);
        } else if (reference >= 0 && reference < classes.size()) {
            entry = classes.get(reference);
            if (entry.tag != tag) {
                throw in.invalidAt(referenceAt, "class " + entry.type.getName() + " was defined with tag " + entry.tag
                        + " and is referred to with tag " + tag);
            }
        } else {
            throw in.invalidAt(referenceAt, "reference to class " + reference + ", but only " + classes.size()
                    + " are defined");
        }
        return entry.readValue(this, in);
    }
}
