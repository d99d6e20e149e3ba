package io.shepherd.api.source;

/** Where a source reader emits records. */
public interface SourceOutput<T> {
    void collect(T record);

    /** Emits a record with an explicit event timestamp in milliseconds. */
    void collect(T record, long timestamp);

    /**
     * Emits a watermark: no record with an event timestamp at or below it follows from this reader.
     * A watermark that does not advance past the reader's last one is dropped. The engine marks the
     * end of the input with the final watermark itself. An {@code assignTimestampsAndWatermarks}
     * downstream replaces a source's watermarks with its own.
     */
    default void emitWatermark(long watermark) {
        throw new UnsupportedOperationException("this source output takes no watermarks");
    }
}
