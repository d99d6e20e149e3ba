package io.shepherd.api.source;

/** Where a source reader emits records. */
public interface SourceOutput<T> {
    void collect(T record);

    /** Emits a record with an explicit event timestamp in milliseconds. */
    void collect(T record, long timestamp);
}
