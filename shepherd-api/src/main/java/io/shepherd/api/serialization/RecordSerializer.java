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
 * with the canonical constructor (so its validation runs on every read), both called through
 * method handles looked up once.
 *
 * <p>The method handles are not serializable; they are looked up again where a shipped
 * serializer lands.
 */
final class RecordSerializer<R extends Record> implements Serializer<R> {
    private static final long serialVersionUID = 1L;

    private final Class<R> type;
    private final Serializer<Object>[] components;
    private final String id;
    private transient MethodHandle[] accessors; // each (Object) -> Object
    private transient MethodHandle constructor; // (Object[]) -> Object

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
        for (int i = 0; i < components.length; i++) {
            components[i].write(component(value, i), out);
        }
    }

    @Override
    public R read(ByteInput in) {
        int at = in.position();
        Object[] values = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            values[i] = components[i].read(in);
        }
        return construct(values, at);
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public R copy(R value) {
        Object[] values = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            values[i] = components[i].copy(component(value, i));
        }
        return construct(values, -1);
    }

    private Object component(R value, int index) {
        try {
            return (Object) accessors[index].invokeExact((Object) value);
        } catch (Error e) {
            throw e;
        } catch (Throwable e) {
            throw new SerializationException("accessor " + index + " of record " + type.getName() + " failed: " + e, e);
        }
    }

    private R construct(Object[] values, int position) {
        try {
            return type.cast((Object) constructor.invokeExact(values));
        } catch (Error e) {
            throw e;
        } catch (Throwable e) {
            String where = position < 0 ? "while copying" : "for the values read at position " + position;
            throw new SerializationException("the canonical constructor of record " + type.getName() + " failed "
                    + where + ": " + e, e);
        }
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
