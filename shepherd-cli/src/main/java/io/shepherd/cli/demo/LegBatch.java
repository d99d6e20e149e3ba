package io.shepherd.cli.demo;

import java.util.Arrays;

/**
 * Applied legs kept in columns, 20 bytes a leg: what a sink writer holds between two checkpoints.
 * Copying the three fields out lets every {@link AppliedLeg} die young, however long the
 * checkpoint interval. Not thread-safe: one writer fills it, then hands it over whole.
 */
final class LegBatch {
    private static final int INITIAL_CAPACITY = 1024;

    private long[] legIds = new long[INITIAL_CAPACITY];
    private int[] accounts = new int[INITIAL_CAPACITY];
    private long[] balancesAfter = new long[INITIAL_CAPACITY];
    private int size;

    void add(AppliedLeg leg) {
        if (size == legIds.length) {
            int capacity = size * 2;
            legIds = Arrays.copyOf(legIds, capacity);
            accounts = Arrays.copyOf(accounts, capacity);
            balancesAfter = Arrays.copyOf(balancesAfter, capacity);
        }
        legIds[size] = leg.legId();
        accounts[size] = leg.account();
        balancesAfter[size] = leg.balanceAfter();
        size++;
    }

    int size() {
        return size;
    }

    boolean isEmpty() {
        return size == 0;
    }

    /** Records every leg into {@code ledger}, in the order they were added. */
    void recordInto(LegLedger ledger) {
        for (int i = 0; i < size; i++) {
            ledger.record(legIds[i], accounts[i], balancesAfter[i]);
        }
    }
}
