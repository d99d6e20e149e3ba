package io.shepherd.runtime.state.snapshot;

import io.shepherd.api.serialization.SerializationException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;

/**
 * Reads the components of a record and builds one with its canonical constructor, by reflection,
 * for records the serializer registry cannot resolve (a component of type {@code Object}, an
 * interface, a type variable). Looked up once per class. The constructor's checks run on every
 * read, as for the registry's record serializer.
 */
final class RecordAccess {
    private static final ClassValue<RecordAccess> BY_CLASS = new ClassValue<>() {
        @Override
        protected RecordAccess computeValue(Class<?> type) {
            return new RecordAccess(type);
        }
    };

    private final Class<?> type;
    private final List<String> names;
    private final Method[] accessors;
    private final Constructor<?> constructor;

    private RecordAccess(Class<?> type) {
        this.type = type;
        RecordComponent[] components = type.getRecordComponents();
        this.names = Arrays.stream(components).map(RecordComponent::getName).toList();
        this.accessors = Arrays.stream(components).map(RecordComponent::getAccessor).toArray(Method[]::new);
        Class<?>[] types = Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new);
        try {
            this.constructor = type.getDeclaredConstructor(types);
            constructor.setAccessible(true);
            for (Method accessor : accessors) {
                accessor.setAccessible(true);
            }
        } catch (NoSuchMethodException | RuntimeException e) {
            throw new SerializationException("record " + type.getName() + " cannot be read or written by reflection ("
                    + e + "); if it lives in a named module, open its package to Shepherd", e);
        }
    }

    /** @throws SerializationException if {@code type} is not a record or cannot be reached */
    static RecordAccess of(Class<?> type) {
        if (!type.isRecord()) {
            throw new SerializationException(type.getName() + " is not a record");
        }
        return BY_CLASS.get(type);
    }

    List<String> componentNames() {
        return names;
    }

    Object component(Object record, int index) {
        try {
            return accessors[index].invoke(record);
        } catch (InvocationTargetException e) {
            throw new SerializationException("accessor " + names.get(index) + "() of record " + type.getName()
                    + " threw " + e.getCause(), e.getCause());
        } catch (IllegalAccessException e) {
            throw new SerializationException("accessor " + names.get(index) + "() of record " + type.getName()
                    + " cannot be called: " + e, e);
        }
    }

    /** @param at where the record's bytes start, for the message when its constructor refuses the values */
    Object construct(Object[] components, int at) {
        try {
            return constructor.newInstance(components);
        } catch (InvocationTargetException e) {
            throw new SerializationException("record " + type.getName() + " rejected the values read at position " + at
                    + ": " + e.getCause(), e.getCause());
        } catch (IllegalArgumentException e) {
            throw new SerializationException("corrupt input at position " + at + ": the values read do not fit the "
                    + "components " + names + " of record " + type.getName(), e);
        } catch (ReflectiveOperationException e) {
            throw new SerializationException("record " + type.getName() + " cannot be built: " + e, e);
        }
    }
}
