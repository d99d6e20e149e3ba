package io.shepherd.runtime.state.snapshot;

import io.shepherd.api.serialization.ByteOutput;
import io.shepherd.api.serialization.MissingSerializerException;
import io.shepherd.api.serialization.SerializationException;
import io.shepherd.api.serialization.Serializer;
import io.shepherd.api.serialization.SerializerRegistry;
import io.shepherd.api.serialization.Serializers;
import java.io.Serializable;
import java.util.List;

/**
 * How a {@link ValueWriter} encodes the values of one class that has no tag of its own, chosen
 * once per class: an enum by constant; a class the registry resolves (records of known component
 * types, registered classes, arrays, boxed primitives) with its serializer; any other record
 * component by component; anything else {@link Serializable} through {@code java.io}.
 *
 * <p>The first value of the class carries the dictionary entry: the class name and what the
 * reader needs to check that the class still has the same shape (the enum's constants, the
 * record's components, the serializer's id).
 */
abstract class WrittenClass {
    final int index;
    final Class<?> type;

    private WrittenClass(int index, Class<?> type) {
        this.index = index;
        this.type = type;
    }

    /** The encoding for {@code type}, as dictionary entry {@code index}. */
    static WrittenClass of(Class<?> type, int index, SerializerRegistry registry) {
        if (type.isEnum()) {
            return new EnumClass(index, type);
        }
        Serializer<?> resolved = resolve(type, registry);
        if (resolved != null) {
            return new TypedClass(index, type, resolved);
        }
        if (type.isRecord()) {
            return new RecordClass(index, type);
        }
        if (Serializable.class.isAssignableFrom(type)) {
            return new JavaClass(index, type);
        }
        throw new SerializationException("cannot write a value of class " + type.getName() + ": it is not a record, "
                + "an enum, a collection or a type with a registered serializer, and it is not Serializable. "
                + "Make it a record, register a serializer for it, or make it Serializable");
    }

    abstract byte tag();

    /** What follows the class name in the dictionary entry. */
    abstract void writeDefinition(ByteOutput out);

    abstract void writeValue(Object value, ValueWriter writer, ByteOutput out);

    private static Serializer<?> resolve(Class<?> type, SerializerRegistry registry) {
        try {
            return registry.of(type);
        } catch (MissingSerializerException e) {
            return null;
        }
    }

    /** The ordinal; the entry lists the constant names, so the reader maps by name, not by position. */
    private static final class EnumClass extends WrittenClass {
        EnumClass(int index, Class<?> type) {
            super(index, type);
        }

        @Override
        byte tag() {
            return ValueTags.ENUM;
        }

        @Override
        void writeDefinition(ByteOutput out) {
            Object[] constants = type.getEnumConstants();
            out.writeVarInt(constants.length);
            for (Object constant : constants) {
                out.writeString(((Enum<?>) constant).name());
            }
        }

        @Override
        void writeValue(Object value, ValueWriter writer, ByteOutput out) {
            out.writeVarInt(((Enum<?>) value).ordinal());
        }
    }

    /** The registry's serializer; its id in the entry catches a class whose format changed. */
    private static final class TypedClass extends WrittenClass {
        private final Serializer<Object> serializer;

        @SuppressWarnings("unchecked")
        TypedClass(int index, Class<?> type, Serializer<?> serializer) {
            super(index, type);
            this.serializer = (Serializer<Object>) serializer;
        }

        @Override
        byte tag() {
            return ValueTags.TYPED;
        }

        @Override
        void writeDefinition(ByteOutput out) {
            out.writeString(serializer.id());
        }

        @Override
        void writeValue(Object value, ValueWriter writer, ByteOutput out) {
            serializer.write(value, out);
        }
    }

    /** Each component as a tagged value, in declaration order; the entry lists the component names. */
    private static final class RecordClass extends WrittenClass {
        private final RecordAccess access;

        RecordClass(int index, Class<?> type) {
            super(index, type);
            this.access = RecordAccess.of(type);
        }

        @Override
        byte tag() {
            return ValueTags.RECORD;
        }

        @Override
        void writeDefinition(ByteOutput out) {
            List<String> names = access.componentNames();
            out.writeVarInt(names.size());
            names.forEach(out::writeString);
        }

        @Override
        void writeValue(Object value, ValueWriter writer, ByteOutput out) {
            for (int i = 0, n = access.componentNames().size(); i < n; i++) {
                writer.write(access.component(value, i));
            }
        }
    }

    /** {@code java.io} serialization: large and slow, so only for what nothing else covers. */
    private static final class JavaClass extends WrittenClass {
        private final Serializer<Object> serializer;

        @SuppressWarnings({"unchecked", "rawtypes"})
        JavaClass(int index, Class<?> type) {
            super(index, type);
            this.serializer = (Serializer<Object>) (Serializer) Serializers.javaSerialization((Class) type);
        }

        @Override
        byte tag() {
            return ValueTags.JAVA;
        }

        @Override
        void writeDefinition(ByteOutput out) {}

        @Override
        void writeValue(Object value, ValueWriter writer, ByteOutput out) {
            serializer.write(value, out);
        }
    }
}
