package io.shepherd.api.functions;

import java.io.Serializable;

/**
 * Extracts the key a record is partitioned and its state scoped by.
 *
 * <p>It must be deterministic and must not return null: the same record yields the same key on every
 * subtask, in every run, or state and partitioning disagree. Keys need stable {@code hashCode} and
 * {@code equals} (records, strings, boxed numbers; not arrays or enums' identity hash).
 */
@FunctionalInterface
public interface KeySelector<T, K> extends Serializable {
    K getKey(T value) throws Exception;
}
