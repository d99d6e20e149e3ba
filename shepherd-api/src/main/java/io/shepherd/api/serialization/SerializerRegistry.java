package io.shepherd.api.serialization;

import java.io.Serializable;
import java.lang.reflect.Type;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Resolves the serializer of a type: the serializers users registered for their own classes,
 * then the built-ins, then enums, records (component by component, recursively), arrays and
 * collections with declared element types. A type it cannot handle fails with a
 * {@link MissingSerializerException} naming the type, where it was met, and how to register one.
 * Java serialization is never chosen; see {@link Serializers#javaSerialization}.
 *
 * <pre>{@code
 * SerializerRegistry registry = SerializerRegistry.builder()
 *         .register(Money.class, new MoneySerializer())
 *         .build();
 * Serializer<Order> orders = registry.of(Order.class); // a record with a Money component
 * }</pre>
 *
 * <p>A registry is immutable and thread-safe; resolved serializers are cached. A registered
 * serializer is used for exactly its class (not subclasses), wherever that class is met.
 * Resolution is meant for job construction, not for every record: keep the serializer it returns.
 */
public final class SerializerRegistry implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final SerializerRegistry BUILT_INS = new SerializerRegistry(Map.of());

    private final Map<Class<?>, Serializer<?>> registered;
    private transient Map<Type, Serializer<?>> cache = new ConcurrentHashMap<>();

    private SerializerRegistry(Map<Class<?>, Serializer<?>> registered) {
        this.registered = Map.copyOf(registered);
    }

    /** The registry with nothing registered: built-ins, enums, records, arrays only. */
    public static SerializerRegistry builtIns() {
        return BUILT_INS;
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * The serializer of {@code type}. A primitive class gets the serializer of its box. The
     * top-level value must not be null (wrap the result with {@link Serializers#nullable} if it may
     * be); what is nested inside it may be.
     *
     * @throws MissingSerializerException if no serializer is registered or built in for the type
     *     or for something it contains
     */
    @SuppressWarnings("unchecked")
    public <T> Serializer<T> of(Class<T> type) {
        return (Serializer<T>) of((Type) type);
    }

    /**
     * The serializer of a generic type, such as a {@link java.lang.reflect.ParameterizedType} read
     * from a field or method by reflection ({@code List<String>}, {@code Tuple2<String, Long>}).
     *
     * @throws MissingSerializerException as {@link #of(Class)}
     */
    public Serializer<?> of(Type type) {
        Objects.requireNonNull(type, "type");
        Serializer<?> known = cache.get(type);
        if (known != null) {
            return known;
        }
        // Not computeIfAbsent: resolution is recursive and may be slow; a duplicate is harmless.
        Serializer<?> resolved = new TypeResolver(registered).resolve(type);
        Serializer<?> raced = cache.putIfAbsent(type, resolved);
        return raced != null ? raced : resolved;
    }

    private Object readResolve() {
        return registered.isEmpty() ? BUILT_INS : new SerializerRegistry(registered);
    }

    /** Collects serializers for user types. Not thread-safe; build once. */
    public static final class Builder {
        private final Map<Class<?>, Serializer<?>> registered = new HashMap<>();

        private Builder() {}

        /**
         * Uses {@code serializer} for {@code type} wherever it is met, ahead of any built-in.
         *
         * @throws IllegalArgumentException if {@code type} already has a serializer in this builder
         */
        public <T> Builder register(Class<T> type, Serializer<T> serializer) {
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(serializer, "serializer");
            Class<?> key = BuiltIns.box(type);
            Serializer<?> previous = registered.putIfAbsent(key, serializer);
            if (previous != null) {
                throw new IllegalArgumentException(key.getName() + " already has serializer '" + previous.id()
                        + "'; register each class once");
            }
            return this;
        }

        public SerializerRegistry build() {
            return new SerializerRegistry(registered);
        }
    }
}
