package io.shepherd.runtime.channel;

import io.shepherd.runtime.ack.Anchors;

/**
 * Records handed from one task to another in one go, with their event timestamps. Batching is what
 * makes hand-off cheap: one queue operation per batch instead of per record.
 *
 * <p>A batch is filled by one thread, then published through a channel, then read by one thread;
 * it is never touched by its producer after publication.
 *
 * <p>In ack mode each record also carries its anchors: for the usual record with one root, its root and
 * edge id in two primitive columns; a record anchored to several roots (multi-anchored output of a join or
 * an aggregation) has root 0 in the column and its {@link Anchors} in a side column made on first use.
 * A batch from a source whose records each have exactly one child carries no edges: the source leaves the
 * init of each root to the task that receives it ({@link #initOwner}).
 */
public final class RecordBatch {
    private final Object[] records;
    private final long[] timestamps;
    /** The keys the sender computed, on a key-partitioned edge (so the receiver need not); else null. */
    private final Object[] keys;
    /** Ack mode: each record's root, 0 for none or several; else null. */
    private final long[] roots;
    /** Ack mode: each record's edge id on its root; else null. */
    private final long[] edges;
    /** Ack mode: the anchors of records with several roots, made when the first such record comes. */
    private Anchors[] multiAnchors;
    /** Ack mode: the source subtask that left the inits of these records' roots to the receiver; else -1. */
    private int initOwner = -1;
    private int size;

    public RecordBatch(int capacity) {
        this(capacity, false);
    }

    public RecordBatch(int capacity, boolean withKeys) {
        this(capacity, withKeys, false);
    }

    /** @param withAnchors whether the records carry their anchors (ack mode) */
    public RecordBatch(int capacity, boolean withKeys, boolean withAnchors) {
        this.records = new Object[capacity];
        this.timestamps = new long[capacity];
        this.keys = withKeys ? new Object[capacity] : null;
        this.roots = withAnchors ? new long[capacity] : null;
        this.edges = withAnchors ? new long[capacity] : null;
    }

    /** Appends a record with its key, in a batch made with keys; returns true when the batch is now full. */
    public boolean add(Object record, long timestamp, Object key) {
        keys[size] = key;
        return add(record, timestamp);
    }

    /**
     * Appends a record with one anchor (or none: root 0), in a batch made with anchors, and its key if the
     * batch has keys; returns true when the batch is now full.
     */
    public boolean addAnchored(Object record, long timestamp, Object key, long root, long edge) {
        roots[size] = root;
        edges[size] = edge;
        if (multiAnchors != null) {
            multiAnchors[size] = null;
        }
        if (keys != null) {
            keys[size] = key;
        }
        return add(record, timestamp);
    }

    /** Appends a record anchored to several roots; {@code anchors} is kept, not copied. */
    public boolean addMultiAnchored(Object record, long timestamp, Object key, Anchors anchors) {
        if (multiAnchors == null) {
            multiAnchors = new Anchors[records.length];
        }
        multiAnchors[size] = anchors;
        roots[size] = 0;
        edges[size] = 0;
        if (keys != null) {
            keys[size] = key;
        }
        return add(record, timestamp);
    }

    /** Ack mode: the receiver registers each record's root for source subtask {@code owner} (sends its init). */
    public void delegateInits(int owner) {
        this.initOwner = owner;
    }

    /** The owner whose inits the receiver sends, or -1 when the records carry ordinary edges. */
    public int initOwner() {
        return initOwner;
    }

    public boolean hasKeys() {
        return keys != null;
    }

    public Object key(int index) {
        return keys[index];
    }

    public boolean hasAnchors() {
        return roots != null;
    }

    /** The record's root when it has exactly one; 0 when it has none or several ({@link #multiAnchors}). */
    public long root(int index) {
        return roots[index];
    }

    public long edge(int index) {
        return edges[index];
    }

    /** The anchors of a record with several roots; null for one with one root or none. */
    public Anchors multiAnchors(int index) {
        return multiAnchors == null ? null : multiAnchors[index];
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
