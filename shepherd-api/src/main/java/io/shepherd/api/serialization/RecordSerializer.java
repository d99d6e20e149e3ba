package io.shepherd.api.serialization;

import java.io.IOException;
import java.io.ObjectInputStream;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.RecordComponent;
import java.util.Objects;
import java.util.StringJoiner;

/**
 * A Java record as its components in declaration order, each written by its own serializer, with
 * nothing in between: no header, no names. Values are read through the accessors and rebuilt
 * with the canonical constructor, so its validation runs on every read. Both go through method
 * handles looked up once, composed per record by {@link RecordHandles} so the JIT can compile a
 * record's write and read as a unit.
 *
 * <p>The method handles are not serializable; they are looked up again where a shipped
 * serializer lands.
 */
final class RecordSerializer<R extends Record> implements Serializer<R> {
    private static final long serialVersionUID = 1L;

    private final Class<R> type;
    private final Serializer<Object>[] components;
    private final String id;
    private transient MethodHandle writer; // (Object record, ByteOutput) -> void
    private transient MethodHandle reader; // (ByteInput) -> Object
    private transient MethodHandle[] accessors; // each (Object) -> Object, for copy
    private transient MethodHandle constructor; // (Object[]) -> Object, for copy

    @SuppressWarnings("unchecked")
    RecordSerializer(Class<R> type, Serializer<?>[] components) {
        this.type = Objects.requireNonNull(type, "record class");
        RecordComponent[] declared = declaredComponents(type);
        if (declared.length != components.length) {
            throw new IllegalArgumentException("record " + type.getName() + " has " + declared.length
                    + " components " + names(declared) + " but " + components.length
                    + " serializers were given; give one per component, in declaration order");
        }
        this.components = new Serializer[components.length];
        StringJoiner id = new StringJoiner(",", "record(" + type.getName() + "){", "}");
        for (int i = 0; i < components.length; i++) {
            this.components[i] = (Serializer<Object>) Objects.requireNonNull(components[i],
                    "serializer of component '" + declared[i].getName() + "'");
            id.add(declared[i].getName() + ":" + components[i].id());
        }
        this.id = id.toString();
        bindHandles();
    }

    @Override
    public void write(R value, ByteOutput out) {
        if (value == null) {
            throw Nulls.rejected(id);
        }
        try {
            writer.invokeExact((Object) value, out);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new SerializationException("writing a record " + type.getName() + " failed: " + e, e);
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public R read(ByteInput in) {
        int at = in.position();
        try {
            return (R) (Object) reader.invokeExact(in);
        } catch (RecordHandles.ConstructorFailed e) {
            throw rejected(e.getCause(), "for the values read at position " + at);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new SerializationException("reading a record " + type.getName() + " at position " + at
                    + " failed: " + e, e);
        }
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public R copy(R value) {
        Object[] values = new Object[components.length];
        try {
            for (int i = 0; i < components.length; i++) {
                values[i] = components[i].copy((Object) accessors[i].invokeExact((Object) value));
            }
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new SerializationException("copying a record " + type.getName() + " failed: " + e, e);
        }
        try {
            return type.cast((Object) constructor.invokeExact(values));
        } catch (Error e) {
            throw e;
        } catch (Throwable e) {
            throw rejected(e, "while copying");
        }
    }

    private SerializationException rejected(Throwable cause, String when) {
        return new SerializationException("the canonical constructor of record " + type.getName() + " failed " + when
                + ": " + cause, cause);
    }

    private void bindHandles() {
        RecordComponent[] declared = declaredComponents(type);
        MethodHandles.Lookup lookup = lookupIn(type);
        Class<?>[] parameterTypes = new Class<?>[declared.length];
        accessors = new MethodHandle[declared.length];
        try {
            for (int i = 0; i < declared.length; i++) {
                parameterTypes[i] = declared[i].getType();
                accessors[i] = lookup.unreflect(declared[i].getAccessor())
                        .asType(MethodType.methodType(Object.class, Object.class));
            }
            constructor = lookup.findConstructor(type, MethodType.methodType(void.class, parameterTypes))
                    .asType(MethodType.genericMethodType(declared.length))
                    .asSpreader(Object[].class, declared.length);
            writer = RecordHandles.writer(lookup, declared, components);
            reader = RecordHandles.reader(lookup, type, declared, components);
        } catch (ReflectiveOperationException e) {
            throw new MissingSerializerException("cannot reach the accessors or canonical constructor of record "
                    + type.getName() + ": " + e, e);
        }
    }

    private static MethodHandles.Lookup lookupIn(Class<?> type) {
        try {
            // A private lookup reaches records that are not public, e.g. nested in a test class.
            return MethodHandles.privateLookupIn(type, MethodHandles.lookup());
        } catch (IllegalAccessException e) {
            throw new MissingSerializerException("record " + type.getName() + " is in module "
                    + type.getModule().getName() + ", which does not open package " + type.getPackageName()
                    + " to Shepherd; add 'opens " + type.getPackageName() + "' to its module-info, or register a "
                    + "serializer for it", e);
        }
    }

    private static RecordComponent[] declaredComponents(Class<?> type) {
        if (!type.isRecord()) {
            throw new IllegalArgumentException(type.getName() + " is not a record");
        }
        return type.getRecordComponents();
    }

    private static String names(RecordComponent[] declared) {
        StringJoiner names = new StringJoiner(", ", "(", ")");
        for (RecordComponent component : declared) {
            names.add(component.getName());
        }
        return names.toString();
    }

    private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
        in.defaultReadObject();
        bindHandles();
    }
}
