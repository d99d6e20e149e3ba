package io.shepherd.api.functions;

/**
 * Where a function emits its output. Emitted records are handed downstream by reference: do not
 * mutate a record after emitting it.
 */
@FunctionalInterface
public interface Collector<T> {
    void collect(T record);
}
