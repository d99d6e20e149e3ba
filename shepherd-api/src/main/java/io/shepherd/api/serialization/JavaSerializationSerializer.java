package io.shepherd.api.serialization;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamClass;
import java.io.Serializable;
import java.util.Objects;

/**
 * The opt-in fallback: a value through {@code java.io} serialization, framed by a var-int length.
 * Never chosen by the resolver; a user registers it explicitly, for cold paths only.
 *
 * <p>Costs: every value carries its class descriptors (often a hundred bytes or more for a small
 * object), each write and read builds a new object stream, and reading is reflective. The
 * benchmark in {@code docs/benchmarks.md} measures it against the built-ins. Reading also runs
 * whatever code the serialized classes run on deserialization, so this serializer must never read
 * bytes that crossed a trust boundary.
 */
final class JavaSerializationSerializer<T extends Serializable> implements Serializer<T> {
    private static final long serialVersionUID = 1L;

    private final Class<T> type;
    private final String id;

    JavaSerializationSerializer(Class<T> type) {
        this.type = Objects.requireNonNull(type, "type");
        this.id = "java(" + type.getName() + ")";
    }

    @Override
    public void write(T value, ByteOutput out) {
        if (value == null) {
            throw Nulls.rejected(id);
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream objects = new ObjectOutputStream(bytes)) {
            objects.writeObject(value);
        } catch (IOException e) {
            throw new SerializationException("java serialization of a " + value.getClass().getName() + " failed: "
                    + e + "; every object it reaches must be Serializable", e);
        }
        out.writeVarInt(bytes.size());
        out.writeBytes(bytes.toByteArray());
    }

    @Override
    public T read(ByteInput in) {
        int at = in.position();
        int length = in.readLength();
        int start = in.consume(length, id);
        Object value;
        try (ObjectInputStream objects = new TypeLoaderObjectInputStream(
                new ByteArrayInputStream(in.array(), start, length), type.getClassLoader())) {
            value = objects.readObject();
        } catch (IOException | ClassNotFoundException e) {
            throw new SerializationException("java deserialization of a " + type.getName() + " at position " + at
                    + " failed: " + e, e);
        }
        if (!type.isInstance(value)) {
            throw new SerializationException("corrupt input at position " + at + ": expected a " + type.getName()
                    + " but java deserialization produced " + (value == null ? "null" : "a " + value.getClass().getName()));
        }
        return type.cast(value);
    }

    @Override
    public String id() {
        return id;
    }

    /** Resolves classes with the loader of the serialized type first, so job classes are found. */
    private static final class TypeLoaderObjectInputStream extends ObjectInputStream {
        private final ClassLoader loader;

        TypeLoaderObjectInputStream(InputStream in, ClassLoader loader) throws IOException {
            super(in);
            this.loader = loader;
        }

        @Override
        protected Class<?> resolveClass(ObjectStreamClass descriptor) throws IOException, ClassNotFoundException {
            if (loader != null) {
                try {
                    return Class.forName(descriptor.getName(), false, loader);
                } catch (ClassNotFoundException e) {
                    // fall through to the default resolution (context and system loaders)
                }
            }
            return super.resolveClass(descriptor);
        }
    }
}
