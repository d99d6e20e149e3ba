package io.shepherd.api.serialization;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Lists, sets and maps: a var-int count, then the elements (for a map, key then value) in
 * iteration order. They read back as {@link ArrayList}, {@link LinkedHashSet} and
 * {@link LinkedHashMap}: contents and iteration order survive, the collection class does not.
 * A duplicate set element or map key in the input is corrupt input.
 */
final class CollectionSerializers {
    private CollectionSerializers() {}

    /** Room for the elements that could possibly follow, so a corrupt count cannot allocate much. */
    private static int initialCapacity(int count, ByteInput in) {
        return Math.min(count, in.remaining());
    }

    private static <E> void writeElements(Collection<E> values, Serializer<E> elements, ByteOutput out, String id) {
        if (values == null) {
            throw Nulls.rejected(id);
        }
        out.writeVarInt(values.size());
        for (E element : values) {
            elements.write(element, out);
        }
    }

    static final class ListSerializer<E> implements Serializer<List<E>> {
        private static final long serialVersionUID = 1L;

        private final Serializer<E> elements;
        private final String id;

        ListSerializer(Serializer<E> elements) {
            this.elements = Objects.requireNonNull(elements, "element serializer");
            this.id = "list(" + elements.id() + ")";
        }

        @Override
        public void write(List<E> value, ByteOutput out) {
            writeElements(value, elements, out, id);
        }

        @Override
        public List<E> read(ByteInput in) {
            int count = in.readLength();
            List<E> list = new ArrayList<>(initialCapacity(count, in));
            for (int i = 0; i < count; i++) {
                list.add(elements.read(in));
            }
            return list;
        }

        @Override
        public String id() {
            return id;
        }

        @Override
        public List<E> copy(List<E> value) {
            List<E> copy = new ArrayList<>(value.size());
            for (E element : value) {
                copy.add(elements.copy(element));
            }
            return copy;
        }
    }

    static final class SetSerializer<E> implements Serializer<Set<E>> {
        private static final long serialVersionUID = 1L;

        private final Serializer<E> elements;
        private final String id;

        SetSerializer(Serializer<E> elements) {
            this.elements = Objects.requireNonNull(elements, "element serializer");
            this.id = "set(" + elements.id() + ")";
        }

        @Override
        public void write(Set<E> value, ByteOutput out) {
            writeElements(value, elements, out, id);
        }

        @Override
        public Set<E> read(ByteInput in) {
            int count = in.readLength();
            Set<E> set = new LinkedHashSet<>(initialCapacity(count, in));
            for (int i = 0; i < count; i++) {
                if (!set.add(elements.read(in))) {
                    throw in.invalid("element " + i + " of a " + id + " repeats an earlier element");
                }
            }
            return set;
        }

        @Override
        public String id() {
            return id;
        }

        @Override
        public Set<E> copy(Set<E> value) {
            Set<E> copy = new LinkedHashSet<>(value.size());
            for (E element : value) {
                copy.add(elements.copy(element));
            }
            return copy;
        }
    }

    static final class MapSerializer<K, V> implements Serializer<Map<K, V>> {
        private static final long serialVersionUID = 1L;

        private final Serializer<K> keys;
        private final Serializer<V> values;
        private final String id;

        MapSerializer(Serializer<K> keys, Serializer<V> values) {
            this.keys = Objects.requireNonNull(keys, "key serializer");
            this.values = Objects.requireNonNull(values, "value serializer");
            this.id = "map(" + keys.id() + "," + values.id() + ")";
        }

        @Override
        public void write(Map<K, V> value, ByteOutput out) {
            if (value == null) {
                throw Nulls.rejected(id);
            }
            out.writeVarInt(value.size());
            for (Map.Entry<K, V> entry : value.entrySet()) {
                keys.write(entry.getKey(), out);
                values.write(entry.getValue(), out);
            }
        }

        @Override
        public Map<K, V> read(ByteInput in) {
            int count = in.readLength();
            Map<K, V> map = new LinkedHashMap<>(initialCapacity(count, in));
            for (int i = 0; i < count; i++) {
                map.put(keys.read(in), values.read(in));
                if (map.size() != i + 1) { // one lookup per entry: a repeated key did not grow the map
                    throw in.invalid("key " + i + " of a " + id + " repeats an earlier key");
                }
            }
            return map;
        }

        @Override
        public String id() {
            return id;
        }

        @Override
        public Map<K, V> copy(Map<K, V> value) {
            Map<K, V> copy = new LinkedHashMap<>(value.size());
            for (Map.Entry<K, V> entry : value.entrySet()) {
                copy.put(keys.copy(entry.getKey()), values.copy(entry.getValue()));
            }
            return copy;
        }
    }
}
