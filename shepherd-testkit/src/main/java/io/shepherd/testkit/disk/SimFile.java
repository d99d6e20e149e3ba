package io.shepherd.testkit.disk;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * One simulated file (an inode): its contents as the OS cache shows them, its contents as they are on
 * the medium, and the writes in between, in order. Not thread-safe; {@link SimulatedDisk} guards it.
 */
final class SimFile {

    /** A change not yet forced: a write of {@code bytes} at {@code position}, or a truncation to {@code position}. */
    private record Pending(long position, byte[] bytes) {

        boolean isWrite() {
            return bytes != null;
        }

        void applyTo(Bytes target, int count) {
            if (isWrite()) {
                target.write(position, bytes, 0, count);
            } else {
                target.truncate(position);
            }
        }
    }

    private Bytes cached = new Bytes();
    private Bytes durable = new Bytes();
    private final List<Pending> pending = new ArrayList<>();
    private int forces;

    int size() {
        return cached.length();
    }

    Bytes cached() {
        return cached;
    }

    byte[] durableContent() {
        return durable.toArray();
    }

    int forces() {
        return forces;
    }

    boolean hasUnforcedChanges() {
        return !pending.isEmpty();
    }

    void write(long position, byte[] bytes) {
        cached.write(position, bytes, 0, bytes.length);
        pending.add(new Pending(position, bytes));
    }

    void truncate(long size) {
        cached.truncate(size);
        pending.add(new Pending(size, null));
    }

    /** A successful force: every change so far reaches the medium. */
    void force() {
        for (Pending change : pending) {
            change.applyTo(durable, change.isWrite() ? change.bytes().length : 0);
        }
        pending.clear();
        forces++;
    }

    /**
     * A failed force: as Linux does after a writeback error, the unforced changes are dropped from the
     * way to the medium while the cache still shows them, so a later force that succeeds does not save them.
     */
    void failForce() {
        pending.clear();
        forces++;
    }

    /**
     * A power loss: a random prefix of the unforced changes reaches the medium, the first change after it
     * possibly torn at an arbitrary byte; the cache is lost.
     */
    void powerLoss(SplittableRandom random) {
        int kept = random.nextInt(pending.size() + 1);
        for (int i = 0; i < kept; i++) {
            Pending change = pending.get(i);
            change.applyTo(durable, change.isWrite() ? change.bytes().length : 0);
        }
        if (kept < pending.size() && pending.get(kept).isWrite()) {
            Pending torn = pending.get(kept);
            torn.applyTo(durable, random.nextInt(torn.bytes().length + 1));
        }
        pending.clear();
        cached = durable.copy();
    }

    /** Corruption of the medium: the bit changes on disk and, as after a re-read, in the cache. */
    void flipBit(long offset, int bit) {
        if (offset < durable.length()) {
            durable.flipBit(offset, bit);
        }
        cached.flipBit(offset, bit);
    }
}
