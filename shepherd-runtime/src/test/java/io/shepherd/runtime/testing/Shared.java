package io.shepherd.runtime.testing;

import java.io.Serializable;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A serializable handle on an object that stays in the test. Functions are copied to each
 * subtask through serialization, so a latch or counter they capture directly would be a copy;
 * capturing this handle instead reaches the test's own object (jobs run in this JVM).
 */
public final class Shared<T> implements Serializable {
    private static final Map<String, Object> OBJECTS = new ConcurrentHashMap<>();

    private final String id = UUID.randomUUID().toString();

    private Shared(T object) {
        OBJECTS.put(id, object);
    }

    public static <T> Shared<T> of(T object) {
        return new Shared<>(object);
    }

    @SuppressWarnings("unchecked")
    public T get() {
        T object = (T) OBJECTS.get(id);
        if (object == null) {
            throw new IllegalStateException("shared object " + id + " was released");
        }
        return object;
    }

    public void release() {
        OBJECTS.remove(id);
    }
}
