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
    /** The keys the sender computed, on a key-partitioned edge (so the receiver need not); else null. */
    private final Object[] keys;
    private int size;

    public RecordBatch(int capacity) {
        this(capacity, false);
    }

    public RecordBatch(int capacity, boolean withKeys) {
        this.records = new Object[capacity];
        this.timestamps = new long[capacity];
        this.keys = withKeys ? new Object[capacity] : null;
    }

    /** Appends a record with its key, in a batch made with keys; returns true when the batch is now full. */
    public boolean add(Object record, long timestamp, Object key) {
        keys[size] = key;
        return add(record, timestamp);
    }

    public boolean hasKeys() {
        return keys != null;
    }

    public Object key(int index) {
        return keys[index];
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
