package io.shepherd.api.serialization;

import io.shepherd.api.tuple.Tuple2;
import io.shepherd.api.tuple.Tuple3;
import java.io.Serializable;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;

/**
 * Finds the serializer of one type, recursively, for {@link SerializerRegistry}. One instance per
 * resolution: it keeps the path it is on (for error messages) and the records it is inside (to
 * stop at a recursive type).
 *
 * <p>Order: a registered serializer, then a built-in, then enums, records, arrays, and
 * {@code List}/{@code Set}/{@code Map} with declared element types. Reference types met inside
 * another type (record components, elements, keys, values) are wrapped in
 * {@link Serializers#nullable}: a null in a field should not fail a checkpoint. Never Java
 * serialization.
 */
final class TypeResolver {
    private final Map<Class<?>, Serializer<?>> registered;
    /** Where we are, innermost first, e.g. "component 'items' of record com.example.Order". */
    private final Deque<String> path = new ArrayDeque<>();
    private final Set<Class<?>> recordsInProgress = new HashSet<>();

    TypeResolver(Map<Class<?>, Serializer<?>> registered) {
        this.registered = registered;
    }

    Serializer<?> resolve(Type type) {
        return resolve(type, Map.of());
    }

    private Serializer<?> resolve(Type type, Map<TypeVariable<?>, Serializer<?>> bindings) {
        if (type instanceof Class<?> c) {
            return resolveClass(c);
        }
        if (type instanceof ParameterizedType p) {
            return resolveParameterized(p, bindings);
        }
        if (type instanceof GenericArrayType g) {
            return array(rawClass(g.getGenericComponentType()), g.getGenericComponentType(), bindings);
        }
        if (type instanceof TypeVariable<?> variable) {
            Serializer<?> bound = bindings.get(variable);
            if (bound == null) {
                throw unboundVariable(variable);
            }
            return bound;
        }
        if (type instanceof WildcardType) {
            throw missing(type.getTypeName(), "A wildcard type does not say what to read back. Declare the exact type.");
        }
        throw missing(type.getTypeName(), "");
    }

    private Serializer<?> resolveClass(Class<?> type) {
        Class<?> boxed = BuiltIns.box(type);
        Serializer<?> chosen = registered.get(boxed);
        if (chosen == null) {
            chosen = BuiltIns.find(boxed);
        }
        if (chosen != null) {
            return chosen;
        }
        if (type.isEnum()) {
            return enumSerializer(type);
        }
        if (type.isRecord()) {
            return record(type, Map.of());
        }
        if (type.isArray()) {
            return array(type.getComponentType(), type.getComponentType(), Map.of());
        }
        if (Collection.class.isAssignableFrom(type) || Map.class.isAssignableFrom(type)) {
            throw missing(type.getName(), "Its element types are erased here. Declare them (a record component of type "
                    + "List<String> resolves), or build the serializer: Serializers.listOf(...), setOf(...), mapOf(...).");
        }
        throw missing(type.getName(), howToRegister(type));
    }

    private Serializer<?> resolveParameterized(ParameterizedType type, Map<TypeVariable<?>, Serializer<?>> bindings) {
        Class<?> raw = (Class<?>) type.getRawType();
        Type[] args = type.getActualTypeArguments();
        Serializer<?> chosen = registered.get(raw);
        if (chosen != null) {
            return chosen;
        }
        if (raw == List.class || raw == Collection.class) {
            return new CollectionSerializers.ListSerializer<>(nested(args[0], bindings, "element of " + type.getTypeName()));
        }
        if (raw == Set.class) {
            return new CollectionSerializers.SetSerializer<>(nested(args[0], bindings, "element of " + type.getTypeName()));
        }
        if (raw == Map.class) {
            return new CollectionSerializers.MapSerializer<>(
                    nested(args[0], bindings, "key of " + type.getTypeName()),
                    nested(args[1], bindings, "value of " + type.getTypeName()));
        }
        if (raw.isRecord()) {
            TypeVariable<?>[] variables = raw.getTypeParameters();
            Map<TypeVariable<?>, Serializer<?>> inner = new HashMap<>();
            for (int i = 0; i < variables.length; i++) {
                path.push("type argument " + variables[i].getName() + " of " + type.getTypeName());
                inner.put(variables[i], resolve(args[i], bindings));
                path.pop();
            }
            return record(raw, inner);
        }
        throw missing(type.getTypeName(), "Only List, Collection, Set, Map and records are resolved with their "
                + "type arguments. " + howToRegister(raw));
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private Serializer<?> enumSerializer(Class<?> type) {
        return new EnumSerializer(type);
    }

    private Serializer<?> record(Class<?> type, Map<TypeVariable<?>, Serializer<?>> bindings) {
        if (!recordsInProgress.add(type)) {
            throw missing(type.getName(), "The record contains itself, and recursive types have no built-in "
                    + "serializer. " + howToRegister(type));
        }
        try {
            RecordComponent[] declared = type.getRecordComponents();
            Serializer<?>[] components = new Serializer<?>[declared.length];
            for (int i = 0; i < declared.length; i++) {
                RecordComponent component = declared[i];
                String where = "component '" + component.getName() + "' of record " + type.getName();
                // A primitive component is never null, so it is not wrapped; a registered
                // serializer for its box still applies, as it does everywhere else.
                components[i] = component.getType().isPrimitive()
                        ? resolveClass(component.getType())
                        : nested(component.getGenericType(), bindings, where);
            }
            return newRecordSerializer(type, components);
        } finally {
            recordsInProgress.remove(type);
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Serializer<?> newRecordSerializer(Class<?> type, Serializer<?>[] components) {
        if (type == Tuple2.class) {
            return new TupleSerializers.Tuple2Serializer(components[0], components[1]);
        }
        if (type == Tuple3.class) {
            return new TupleSerializers.Tuple3Serializer(components[0], components[1], components[2]);
        }
        return new RecordSerializer(type, components);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private Serializer<?> array(Class<?> componentType, Type genericComponent, Map<TypeVariable<?>, Serializer<?>> bindings) {
        Serializer<?> elements = nested(genericComponent, bindings, "element of " + componentType.getName() + "[]");
        return new ObjectArraySerializer(componentType, elements);
    }

    /** A type met inside another: resolved with {@code where} on the path, and nullable. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private Serializer<?> nested(Type type, Map<TypeVariable<?>, Serializer<?>> bindings, String where) {
        path.push(where);
        try {
            return new NullableSerializer(resolve(type, bindings));
        } finally {
            path.pop();
        }
    }

    private static Class<?> rawClass(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof ParameterizedType p) {
            return (Class<?>) p.getRawType();
        }
        if (type instanceof GenericArrayType g) {
            return rawClass(g.getGenericComponentType()).arrayType();
        }
        return Object.class; // a type variable or wildcard: an Object[] holds any element
    }

    private MissingSerializerException unboundVariable(TypeVariable<?> variable) {
        String owner = variable.getGenericDeclaration() instanceof Class<?> c ? c.getName() : "its declaration";
        String hint = owner.equals(Tuple2.class.getName()) || owner.equals(Tuple3.class.getName())
                ? "Build it from its component serializers: Serializers.tuple2(a, b) or Serializers.tuple3(a, b, c)."
                : "Build it from its component serializers: Serializers.record(" + simpleName(owner)
                        + ".class, componentSerializers...), or declare the type with its arguments where it is used.";
        return missing("type variable " + variable.getName() + " of " + owner,
                "The type argument is erased here. " + hint);
    }

    private static String howToRegister(Class<?> type) {
        String name = type.getSimpleName();
        String register = "Register one: SerializerRegistry.builder().register(" + name + ".class, serializer).build()"
                + ", or make " + name + " a record.";
        if (Serializable.class.isAssignableFrom(type) && !type.isInterface()) {
            register += " As a last resort for cold paths, register Serializers.javaSerialization(" + name
                    + ".class): it is many times slower and larger, so it is never chosen for you.";
        }
        return register;
    }

    private MissingSerializerException missing(String what, String advice) {
        StringJoiner where = new StringJoiner(", in ", " (met as ", ")");
        where.setEmptyValue("");
        path.forEach(where::add);
        return new MissingSerializerException("No serializer for " + what + where + ". Built-ins cover primitives "
                + "and their boxes, String, primitive arrays, enums, records and tuples of such, arrays, and "
                + "List/Set/Map with declared element types. " + advice);
    }

    private static String simpleName(String className) {
        return className.substring(className.lastIndexOf('.') + 1).replace('$', '.');
    }
}
