package io.shepherd.runtime.state.snapshot;

import io.shepherd.api.serialization.ByteInput;
import io.shepherd.api.serialization.MissingSerializerException;
import io.shepherd.api.serialization.SerializationException;
import io.shepherd.api.serialization.Serializer;
import io.shepherd.api.serialization.Serializers;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * A dictionary entry as a {@link ValueReader} reads it: the class, loaded and checked against what
 * the writer recorded, and how to read its values. The counterpart of {@link WrittenClass}.
 */
abstract class ReadClass {
    final byte tag;
    final Class<?> type;

    private ReadClass(byte tag, Class<?> type) {
        this.tag = tag;
        this.type = type;
    }

    /** Reads the entry that follows a new class reference of a value tagged {@code tag}. */
    static ReadClass define(byte tag, ByteInput in, ValueCodec codec) {
        int at = in.position();
        Class<?> type = codec.loadClass(in.readString());
        return switch (tag) {
            case ValueTags.ENUM -> new EnumClass(type, readNames(in, "enum constants"), at);
            case ValueTags.RECORD -> new RecordClass(type, readNames(in, "record components"), at);
            case ValueTags.TYPED -> new TypedClass(type, codec, in.readString());
            case ValueTags.JAVA -> new JavaClass(type, at);
            default -> throw new IllegalArgumentException("tag " + tag + " does not refer to a class");
        };
    }

    abstract Object readValue(ValueReader reader, ByteInput in);

    /**
     * Reads with a serializer that may not be ours: {@code java.io} throws what it likes on garbage
     * (a bare NullPointerException among others), so anything but a SerializationException is wrapped.
     */
    Object readWith(Serializer<?> serializer, ByteInput in) {
        int at = in.position();
        try {
            return serializer.read(in);
        } catch (SerializationException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new SerializationException("corrupt input at position " + at + ": reading a " + type.getName()
                    + " with serializer '" + serializer.id() + "' failed: " + e, e);
        }
    }

    private static List<String> readNames(ByteInput in, String what) {
        int count = in.checkAvailable(in.readLength(), what);
        List<String> names = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            names.add(in.readString());
        }
        return names;
    }

    /** Maps each stored ordinal to today's constant of the same name; a constant since removed fails when read. */
    private static final class EnumClass extends ReadClass {
        private final List<String> storedNames;
        private final Object[] byStoredOrdinal;

        EnumClass(Class<?> type, List<String> storedNames, int at) {
            super(ValueTags.ENUM, type);
            if (!type.isEnum()) {
                throw new SerializationException("corrupt input at position " + at + ": " + type.getName()
                        + " is stored as an enum but is not one");
            }
            this.storedNames = storedNames;
            this.byStoredOrdinal = new Object[storedNames.size()];
            for (Object constant : type.getEnumConstants()) {
                int stored = storedNames.indexOf(((Enum<?>) constant).name());
                if (stored >= 0) {
                    byStoredOrdinal[stored] = constant;
                }
            }
        }

        @Override
        Object readValue(ValueReader reader, ByteInput in) {
            int at = in.position();
            int ordinal = in.readVarInt();
            if (ordinal < 0 || ordinal >= byStoredOrdinal.length) {
                throw in.invalidAt(at, "ordinal " + ordinal + " of enum " + type.getName() + ", which had "
                        + byStoredOrdinal.length + " constants when the snapshot was taken");
            }
            Object constant = byStoredOrdinal[ordinal];
            if (constant == null) {
                throw new SerializationException("the snapshot holds constant " + storedNames.get(ordinal) + " of enum "
                        + type.getName() + ", which no longer has it; add it back to restore this state");
            }
            return constant;
        }
    }

    /** Component by component; the record must still have the components it had. */
    private static final class RecordClass extends ReadClass {
        private final RecordAccess access;

        RecordClass(Class<?> type, List<String> storedNames, int at) {
            super(ValueTags.RECORD, type);
            if (!type.isRecord()) {
                throw new SerializationException("corrupt input at position " + at + ": " + type.getName()
                        + " is stored as a record but is not one");
            }
            this.access = RecordAccess.of(type);
            if (!access.componentNames().equals(storedNames)) {
                throw new SerializationException("record " + type.getName() + " had components " + storedNames
                        + " when the snapshot was taken and has " + access.componentNames()
                        + " now; state of a changed record cannot be restored yet");
            }
        }

        @Override
        Object readValue(ValueReader reader, ByteInput in) {
            int at = in.position();
            Object[] components = new Object[access.componentNames().size()];
            for (int i = 0; i < components.length; i++) {
                components[i] = reader.read();
            }
            return access.construct(components, at);
        }
    }

    /** The registry's serializer, which must still have the id it had. */
    private static final class TypedClass extends ReadClass {
        private final Serializer<?> serializer;

        TypedClass(Class<?> type, ValueCodec codec, String storedId) {
            super(ValueTags.TYPED, type);
            try {
                this.serializer = codec.registry().of(type);
            } catch (MissingSerializerException e) {
                throw new SerializationException("the snapshot holds " + type.getName() + " written with serializer '"
                        + storedId + "', and no serializer resolves for it now: " + e.getMessage(), e);
            }
            if (!serializer.id().equals(storedId)) {
                throw new SerializationException("the snapshot holds " + type.getName() + " written with serializer '"
                        + storedId + "', but it now resolves to '" + serializer.id()
                        + "': the class or its serializer changed, and state cannot be converted yet");
            }
        }

        @Override
        Object readValue(ValueReader reader, ByteInput in) {
            return readWith(serializer, in);
        }
    }

    private static final class JavaClass extends ReadClass {
        private final Serializer<?> serializer;

        @SuppressWarnings({"unchecked", "rawtypes"})
        JavaClass(Class<?> type, int at) {
            super(ValueTags.JAVA, type);
            if (!Serializable.class.isAssignableFrom(type)) {
                throw new SerializationException("corrupt input at position " + at + ": " + type.getName()
                        + " is stored with java serialization but is not Serializable");
            }
            this.serializer = Serializers.javaSerialization((Class) type);
        }

        @Override
        Object readValue(ValueReader reader, ByteInput in) {
            return readWith(serializer, in);
        }
    }
}
