package io.shepherd.connectors.generator;

import java.io.Serializable;

/**
 * Makes the record at a sequence number. It must be a pure function of {@code index}: the
 * generator calls it once per index on whichever subtask owns the index, and again for the same
 * index after a restore, and relies on getting the same record.
 */
@FunctionalInterface
public interface RecordFunction<T> extends Serializable {
    T apply(long index);
}
