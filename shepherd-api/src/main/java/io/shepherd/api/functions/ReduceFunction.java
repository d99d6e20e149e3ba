package io.shepherd.api.functions;

import java.io.Serializable;

/** Combines two values of the same type into one; must be associative for windowed use. */
@FunctionalInterface
public interface ReduceFunction<T> extends Serializable {
    T reduce(T accumulated, T value) throws Exception;
}
