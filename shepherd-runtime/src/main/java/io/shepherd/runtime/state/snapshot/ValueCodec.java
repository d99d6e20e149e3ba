package io.shepherd.runtime.state.snapshot;

import io.shepherd.api.serialization.ByteInput;
import io.shepherd.api.serialization.ByteOutput;
import io.shepherd.api.serialization.SerializationException;
import io.shepherd.api.serialization.SerializerRegistry;
import java.util.Objects;

/**
 * Turns values whose type is known only at run time into bytes and back: keys, state values, list
 * elements, timer keys, operator list elements, and records in flight stored as channel state.
 *
 * <p>Each value starts with a one-byte tag ({@link ValueTags}). The common types have their own:
 * null, {@code Long} and {@code Integer} (zig-zag var-ints), {@code String}, {@code Double},
 * {@code Boolean}, {@code byte[]}, {@code Tuple2}, {@code Tuple3}, and lists, sets and maps (which
 * read back as {@code ArrayList}, {@code LinkedHashSet} and {@code LinkedHashMap}, in the same
 * order). Every other class is named in a dictionary the first time one of its values is written
 * and referred to by number afterwards, and encoded by the first that applies:
 * <ol>
 *   <li>an enum: the constant, mapped back by name, so reordering constants is harmless;</li>
 *   <li>a class the {@link SerializerRegistry} resolves (records whose components it knows,
 *       registered classes, boxed primitives, arrays): its serializer, whose id is checked on read;</li>
 *   <li>any other record: component by component, each a tagged value;</li>
 *   <li>a {@code Serializable} class (sorted collections among them, which keep their
 *       comparator that way): {@code java.io} serialization.</li>
 * </ol>
 * Anything else fails with a {@link SerializationException} naming the class.
 *
 * <p>The static {@link #write}/{@link #read} encode one self-contained value with the built-in
 * registry. For many values, take a {@link #writer} and a {@link #reader}: one dictionary then
 * spans them all, so each class is named once. Instances are immutable and thread-safe; writers and
 * readers are not.
 */
public final class ValueCodec {
    /** How deeply values may nest (collections, tuples, records) before writing or reading refuses. */
    public static final int MAX_DEPTH = 256;

    private static final ValueCodec BUILT_INS = new ValueCodec(SerializerRegistry.builtIns(), null);

    private final SerializerRegistry registry;
    private final ClassLoader loader;

    private ValueCodec(SerializerRegistry registry, ClassLoader loader) {
        this.registry = registry;
        this.loader = loader;
    }

    /** The built-in serializers; classes load through the thread's context class loader. */
    public static ValueCodec builtIns() {
        return BUILT_INS;
    }

    /**
     * @param registry the serializers of the job's own classes
     * @param loader loads the classes named in what is read; null for the thread's context class loader
     */
    public static ValueCodec of(SerializerRegistry registry, ClassLoader loader) {
        return new ValueCodec(Objects.requireNonNull(registry, "registry"), loader);
    }

    /** Writes one value, with its own dictionary, using the built-ins. */
    public static void write(ByteOutput out, Object value) {
        BUILT_INS.writer(out).write(value);
    }

    /** Reads one value that {@link #write} wrote. */
    public static Object read(ByteInput in) {
        return BUILT_INS.reader(in).read();
    }

    /** A writer whose dictionary spans every value it writes to {@code out}. */
    public ValueWriter writer(ByteOutput out) {
        return new ValueWriter(Objects.requireNonNull(out, "out"), registry);
    }

    /** A reader for what one {@link #writer} wrote, in the same order. */
    public ValueReader reader(ByteInput in) {
        return new ValueReader(Objects.requireNonNull(in, "in"), this);
    }

    SerializerRegistry registry() {
        return registry;
    }

    Class<?> loadClass(String name) {
        ClassLoader classes = loader != null ? loader : Thread.currentThread().getContextClassLoader();
        try {
            return Class.forName(name, false, classes != null ? classes : ValueCodec.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            throw new SerializationException("the snapshot holds values of class " + name
                    + ", which cannot be loaded here: " + e, e);
        }
    }
}
