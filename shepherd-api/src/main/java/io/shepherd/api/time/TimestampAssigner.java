package io.shepherd.api.time;

import java.io.Serializable;

/** Extracts a record's event time in milliseconds. */
@FunctionalInterface
public interface TimestampAssigner<T> extends Serializable {
    long extractTimestamp(T record);
}
