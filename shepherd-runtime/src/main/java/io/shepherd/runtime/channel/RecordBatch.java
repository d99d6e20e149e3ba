package io.shepherd.runtime.channel;

/**
 * Records handed from one task to another in one go, with their event timestamps. Batching is what
 * makes hand-off cheap: one queue operation per batch instead of per record.
 *
 * <p>A batch is filled by one thread, then published through a channel, then read by one thread;
 * it is never touched by its producer after publication.
 */
public final class RecordBatch {
    private final Object[] records;
    private final long[] timestamps;
    private int size;

    public RecordBatch(int capacity) {
        this.records = new Object[capacity];
        this.timestamps = new long[capacity];
    }

    /** Appends a record; returns true when the batch is now full. */
    public boolean add(Object record, long timestamp) {
        records[size] = record;
        timestamps[size] = timestamp;
        return ++size == records.length;
    }

    public int size() {
        return size;
    }

    public boolean isEmpty() {
        return size == 0;
    }

    public Object record(int index) {
        return records[index];
    }

    public long timestamp(int index) {
        return timestamps[index];
    }
}
