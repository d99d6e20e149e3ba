package io.shepherd.api.state;

/** A value per key into which added values are folded; {@code get()} is null until the first add. */
public interface ReducingState<T> {
    T get();

    void add(T value) throws Exception;

    void clear();
}
