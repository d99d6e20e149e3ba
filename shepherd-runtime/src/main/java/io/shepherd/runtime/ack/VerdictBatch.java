package io.shepherd.runtime.ack;

import java.util.Arrays;

/**
 * Verdicts bound for one source subtask, in primitive arrays; read by {@link PendingRoots#accept}. The same
 * hand-off rules as {@link AckBatch}: filled by the acker, handed over whole, read by the source.
 */
public final class VerdictBatch implements VerdictSink {
    /** Ordinals: an enum array would cost a card mark per store, a byte array costs nothing. */
    private static final VerdictKind[] KINDS = VerdictKind.values();
    private byte[] kinds;
    private long[] roots;
    private int[] owners;
    /** For {@link VerdictKind#TIMED_OUT}: the operator that acked last; else {@link AckerLedger#NO_OPERATOR}. */
    private int[] operators;
    private int size;

    public VerdictBatch(int initialCapacity) {
        if (initialCapacity < 1) {
            throw new IllegalArgumentException("a verdict batch needs room for at least one verdict, got " + initialCapacity);
        }
        kinds = new byte[initialCapacity];
        roots = new long[initialCapacity];
        owners = new int[initialCapacity];
        operators = new int[initialCapacity];
    }

    @Override
    public void completed(long root, int owner) {
        add(VerdictKind.COMPLETED, root, owner, AckerLedger.NO_OPERATOR);
    }

    @Override
    public void failed(long root, int owner) {
        add(VerdictKind.FAILED, root, owner, AckerLedger.NO_OPERATOR);
    }

    @Override
    public void timedOut(long root, int owner, int lastOperator) {
        add(VerdictKind.TIMED_OUT, root, owner, lastOperator);
    }

    @Override
    public void alive(long root, int owner) {
        add(VerdictKind.ALIVE, root, owner, AckerLedger.NO_OPERATOR);
    }

    @Override
    public void unknown(long root, int owner) {
        add(VerdictKind.UNKNOWN, root, owner, AckerLedger.NO_OPERATOR);
    }

    private void add(VerdictKind kind, long root, int owner, int operator) {
        if (size == kinds.length) {
            grow();
        }
        kinds[size] = (byte) kind.ordinal();
        roots[size] = root;
        owners[size] = owner;
        operators[size] = operator;
        size++;
    }

    private void grow() {
        int capacity = kinds.length * 2;
        kinds = Arrays.copyOf(kinds, capacity);
        roots = Arrays.copyOf(roots, capacity);
        owners = Arrays.copyOf(owners, capacity);
        operators = Arrays.copyOf(operators, capacity);
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

    public VerdictKind kind(int index) {
        return KINDS[kinds[index]];
    }

    public long root(int index) {
        return roots[index];
    }

    public int owner(int index) {
        return owners[index];
    }

    public int operator(int index) {
        return operators[index];
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("VerdictBatch[");
        for (int i = 0; i < size; i++) {
            text.append(i == 0 ? "" : ", ").append(kind(i)).append(' ').append(Long.toHexString(roots[i]));
            if (kind(i) == VerdictKind.TIMED_OUT) {
                text.append(" held by ").append(operators[i]);
            }
        }
        return text.append(']').toString();
    }
}
