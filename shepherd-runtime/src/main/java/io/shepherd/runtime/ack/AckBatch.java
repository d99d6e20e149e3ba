package io.shepherd.runtime.ack;

import java.util.Arrays;

/**
 * Messages bound for one acker, in primitive arrays: one hand-off per batch instead of per message, and no
 * object per message. Filled by one task, then handed over whole and read by the acker
 * ({@link AckerLedger#accept}); the filler must not touch it after the hand-off until the reader is done.
 *
 * <p>Grows by doubling, the only time it allocates, so a batch that is cleared and reused settles at the
 * largest size it needed.
 */
public final class AckBatch implements AckSink {
    /** Ordinals: an enum array would cost a card mark per store, a byte array costs nothing. */
    private static final AckKind[] KINDS = AckKind.values();
    private byte[] kinds;
    private long[] roots;
    /** The xor of an init or an ack; 0 for a fail or a probe. */
    private long[] values;
    /** The owner source subtask of an init or probe; the reporting operator of an ack or fail. */
    private int[] tasks;
    private int size;

    public AckBatch(int initialCapacity) {
        if (initialCapacity < 1) {
            throw new IllegalArgumentException("an ack batch needs room for at least one message, got " + initialCapacity);
        }
        kinds = new byte[initialCapacity];
        roots = new long[initialCapacity];
        values = new long[initialCapacity];
        tasks = new int[initialCapacity];
    }

    @Override
    public void init(long root, long xor, int owner) {
        add(AckKind.INIT, root, xor, owner);
    }

    @Override
    public void ack(long root, long xor, int operator) {
        add(AckKind.ACK, root, xor, operator);
    }

    @Override
    public void fail(long root, int operator) {
        add(AckKind.FAIL, root, 0, operator);
    }

    @Override
    public void probe(long root, int owner) {
        add(AckKind.PROBE, root, 0, owner);
    }

    private void add(AckKind kind, long root, long value, int task) {
        if (size == kinds.length) {
            grow();
        }
        kinds[size] = (byte) kind.ordinal();
        roots[size] = root;
        values[size] = value;
        tasks[size] = task;
        size++;
    }

    private void grow() {
        int capacity = kinds.length * 2;
        kinds = Arrays.copyOf(kinds, capacity);
        roots = Arrays.copyOf(roots, capacity);
        values = Arrays.copyOf(values, capacity);
        tasks = Arrays.copyOf(tasks, capacity);
    }

    public int size() {
        return size;
    }

    public boolean isEmpty() {
        return size == 0;
    }

    public void clear() {
        size = 0;
    }

    public AckKind kind(int index) {
        return KINDS[kinds[index]];
    }

    public long root(int index) {
        return roots[index];
    }

    public long value(int index) {
        return values[index];
    }

    public int task(int index) {
        return tasks[index];
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("AckBatch[");
        for (int i = 0; i < size; i++) {
            text.append(i == 0 ? "" : ", ").append(kind(i)).append(' ').append(Long.toHexString(roots[i]));
            switch (kind(i)) {
                case INIT -> text.append(" xor=").append(Long.toHexString(values[i])).append(" owner=").append(tasks[i]);
                case ACK -> text.append(" xor=").append(Long.toHexString(values[i])).append(" by=").append(tasks[i]);
                case FAIL -> text.append(" by=").append(tasks[i]);
                case PROBE -> text.append(" owner=").append(tasks[i]);
            }
        }
        return text.append(']').toString();
    }
}
