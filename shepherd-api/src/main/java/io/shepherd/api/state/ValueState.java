package io.shepherd.api.state;

/** One value per key; {@code value()} is null until set. */
public interface ValueState<T> {
    T value();

    void update(T value);

    void clear();
}
