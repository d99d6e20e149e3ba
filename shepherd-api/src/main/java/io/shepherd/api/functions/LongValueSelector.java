package io.shepherd.api.functions;

import java.io.Serializable;

/** Reads a long out of a record, for sums. */
@FunctionalInterface
public interface LongValueSelector<T> extends Serializable {
    long value(T record) throws Exception;
}
