package io.shepherd.api.serialization;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.RecordComponent;
import java.util.Map;

/**
 * Builds, for one record class, a single method handle that writes a whole record and one that
 * reads one back, for {@link RecordSerializer}.
 *
 * <p>Why one composed handle rather than a loop over per-component handles: a method handle
 * held in a field is opaque to the JIT, so every call through it is indirect and every primitive
 * is boxed. A composed handle invoked often is customized by the JVM (its bound serializers and
 * accessors become constants), so the JIT compiles the whole record as one unit, close to a
 * hand-written serializer. Primitive components that use the built-in serializers go straight to
 * {@link ByteOutput#writeLong} and friends, without boxing.
 *
 * <p>Order matters, since components are written back to back: both handles are chained with
 * {@link MethodHandles#foldArguments}, whose combiner always runs before its target, so component
 * 0 is written and read first.
 */
final class RecordHandles {
    private static final MethodHandles.Lookup OWN = MethodHandles.lookup();
    private static final MethodHandle SERIALIZER_WRITE = virtual(Serializer.class, "write",
            MethodType.methodType(void.class, Object.class, ByteOutput.class));
    private static final MethodHandle SERIALIZER_READ = virtual(Serializer.class, "read",
            MethodType.methodType(Object.class, ByteInput.class));
    private static final MethodHandle CONSTRUCTOR_FAILED = staticMethod("constructorFailed",
            MethodType.methodType(Object.class, RuntimeException.class));

    /** For each primitive: its built-in serializer, and the direct write and read of ByteOutput/ByteInput. */
    private static final Map<Class<?>, Direct> DIRECT = Map.of(
            long.class, direct(ScalarSerializers.LongSerializer.INSTANCE, long.class, "writeLong", "readLong"),
            int.class, direct(ScalarSerializers.IntSerializer.INSTANCE, int.class, "writeInt", "readInt"),
            short.class, direct(ScalarSerializers.ShortSerializer.INSTANCE, short.class, "writeShort", "readShort"),
            byte.class, direct(ScalarSerializers.ByteSerializer.INSTANCE, byte.class, "writeByte", "readByte"),
            char.class, direct(ScalarSerializers.CharSerializer.INSTANCE, char.class, "writeChar", "readChar"),
            double.class, direct(ScalarSerializers.DoubleSerializer.INSTANCE, double.class, "writeDouble", "readDouble"),
            float.class, direct(ScalarSerializers.FloatSerializer.INSTANCE, float.class, "writeFloat", "readFloat"),
            boolean.class, direct(ScalarSerializers.BooleanSerializer.INSTANCE, boolean.class, "writeBoolean",
                    "readBoolean"));

    private record Direct(Serializer<?> builtIn, MethodHandle write, MethodHandle read) {}

    /** Thrown by the read handle when the canonical constructor throws, to tell it from a read error. */
    static final class ConstructorFailed extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ConstructorFailed(Throwable cause) {
            super(cause.toString(), cause, false, false);
        }
    }

    private RecordHandles() {}

    /** A {@code (Object record, ByteOutput out) void} handle writing every component in order. */
    static MethodHandle writer(MethodHandles.Lookup lookup, RecordComponent[] declared, Serializer<?>[] components)
            throws IllegalAccessException {
        MethodHandle all = MethodHandles.empty(MethodType.methodType(void.class, Object.class, ByteOutput.class));
        for (int i = declared.length - 1; i >= 0; i--) {
            MethodHandle one = componentWriter(lookup, declared[i], components[i]);
            // foldArguments runs 'one' first, then what was built so far: components in order.
            all = MethodHandles.foldArguments(all, one);
        }
        return all;
    }

    /** A {@code (ByteInput in) Object} handle reading every component in order, then constructing. */
    static MethodHandle reader(MethodHandles.Lookup lookup, Class<?> type, RecordComponent[] declared,
            Serializer<?>[] components) throws ReflectiveOperationException {
        Class<?>[] parameters = new Class<?>[declared.length];
        for (int i = 0; i < declared.length; i++) {
            parameters[i] = declared[i].getType();
        }
        MethodHandle constructor = lookup.findConstructor(type, MethodType.methodType(void.class, parameters));
        constructor = constructor.asType(constructor.type().changeReturnType(Object.class));
        // A canonical constructor cannot declare checked exceptions: a RuntimeException is a rejection.
        constructor = MethodHandles.catchException(constructor, RuntimeException.class,
                MethodHandles.dropArguments(CONSTRUCTOR_FAILED, 1, parameters));
        // (p0 .. pn-1, in) -> Object; then fold each parameter, last first, so p0 is read first.
        MethodHandle all = MethodHandles.dropArguments(constructor, declared.length, ByteInput.class);
        for (int i = declared.length - 1; i >= 0; i--) {
            all = MethodHandles.foldArguments(all, i, componentReader(declared[i], components[i]));
        }
        return all;
    }

    private static MethodHandle componentWriter(MethodHandles.Lookup lookup, RecordComponent component,
            Serializer<?> serializer) throws IllegalAccessException {
        MethodHandle accessor = lookup.unreflect(component.getAccessor());
        Direct direct = DIRECT.get(component.getType());
        if (direct != null && direct.builtIn() == serializer) {
            // (ByteOutput, record) -> void, then swap to (record, ByteOutput).
            MethodHandle write = MethodHandles.filterArguments(direct.write(), 1,
                    accessor.asType(MethodType.methodType(direct.write().type().parameterType(1), Object.class)));
            return MethodHandles.permuteArguments(write,
                    MethodType.methodType(void.class, Object.class, ByteOutput.class), 1, 0);
        }
        return MethodHandles.filterArguments(SERIALIZER_WRITE.bindTo(serializer), 0,
                accessor.asType(MethodType.methodType(Object.class, Object.class)));
    }

    private static MethodHandle componentReader(RecordComponent component, Serializer<?> serializer) {
        Class<?> type = component.getType();
        Direct direct = DIRECT.get(type);
        if (direct != null && direct.builtIn() == serializer) {
            return direct.read();
        }
        // Casts (or unboxes) what the serializer returns to the parameter type of the constructor.
        return SERIALIZER_READ.bindTo(serializer).asType(MethodType.methodType(type, ByteInput.class));
    }

    private static Object constructorFailed(RuntimeException failure) {
        throw new ConstructorFailed(failure);
    }

    /** {@code short}, {@code byte} and {@code char} are written through an {@code int} parameter. */
    private static Direct direct(Serializer<?> builtIn, Class<?> primitive, String write, String read) {
        Class<?> written = primitive == short.class || primitive == byte.class || primitive == char.class
                ? int.class
                : primitive;
        MethodHandle writer = virtual(ByteOutput.class, write, MethodType.methodType(void.class, written));
        MethodHandle reader = virtual(ByteInput.class, read, MethodType.methodType(primitive));
        return new Direct(builtIn, writer, reader);
    }

    private static MethodHandle virtual(Class<?> owner, String name, MethodType type) {
        try {
            return OWN.findVirtual(owner, name, type);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private static MethodHandle staticMethod(String name, MethodType type) {
        try {
            return OWN.findStatic(RecordHandles.class, name, type);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }
}
