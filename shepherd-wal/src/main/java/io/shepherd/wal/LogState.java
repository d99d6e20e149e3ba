package io.shepherd.wal;

import io.shepherd.common.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The log's extent as readers may see it, published by the writer: the retained start, the end of the
 * acknowledged records, and whether the log failed or closed. Tailing readers wait here for the end to
 * move.
 *
 * <p>Readers only ever read below {@link #end()}, so they see exactly the acknowledged records: under
 * {@link SyncPolicy#SYNC} nothing a crash could take back.
 */
final class LogState {

    /** Longest real-time park while waiting, so that waits also notice a simulated clock moving. */
    private static final long MAX_PARK_NANOS = TimeUnit.MILLISECONDS.toNanos(10);

    /** A suffix truncation: readers created before {@code epoch} and past {@code position} are invalid. */
    record Truncation(long epoch, long position) {}

    private final Clock clock;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition moved = lock.newCondition();
    private volatile int waiters;
    private volatile long start;
    private volatile long end;
    private volatile RuntimeException stopped;
    private volatile long truncationEpoch;
    private final List<Truncation> truncations = new ArrayList<>();

    LogState(Clock clock, long start, long end) {
        this.clock = clock;
        this.start = start;
        this.end = end;
    }

    long start() {
        return start;
    }

    long end() {
        return end;
    }

    void setStart(long start) {
        this.start = start;
    }

    /** Publishes a new end of acknowledged records and wakes tailing readers. */
    void advance(long newEnd) {
        end = newEnd;
        wakeWaiters();
    }

    /** Records a suffix truncation; the end moves back to {@code position}. */
    synchronized void truncatedTo(long position) {
        truncations.add(new Truncation(truncationEpoch + 1, position));
        truncationEpoch++;
        end = position;
        wakeWaiters();
    }

    long truncationEpoch() {
        return truncationEpoch;
    }

    /** The lowest position a suffix truncation after {@code sinceEpoch} cut the log to, or Long.MAX_VALUE. */
    synchronized long lowestTruncationSince(long sinceEpoch) {
        long lowest = Long.MAX_VALUE;
        for (Truncation t : truncations) {
            if (t.epoch() > sinceEpoch) {
                lowest = Math.min(lowest, t.position());
            }
        }
        return lowest;
    }

    /** Marks the log failed or closed; {@code reason} is what later operations throw. */
    void stop(RuntimeException reason) {
        if (stopped == null) {
            stopped = reason;
        }
        wakeWaiters();
    }

    /** Null while the log runs; else the exception that stopped it (failure or close). */
    RuntimeException stopped() {
        return stopped;
    }

    /**
     * Waits until the end moves past {@code position}, the log stops, or {@code timeoutNanos} pass on the
     * clock. Returns whether the end is past {@code position}.
     */
    boolean awaitEndPast(long position, long timeoutNanos) throws InterruptedException {
        if (end > position) {
            return true;
        }
        long deadline = clock.nanoTime() + timeoutNanos;
        lock.lock();
        try {
            waiters++;
            try {
                while (end <= position && stopped == null) {
                    long remaining = deadline - clock.nanoTime();
                    if (remaining <= 0) {
                        return false;
                    }
                    moved.awaitNanos(Math.min(remaining, MAX_PARK_NANOS));
                }
                return end > position;
            } finally {
                waiters--;
            }
        } finally {
            lock.unlock();
        }
    }

    private void wakeWaiters() {
        if (waiters > 0) {
            lock.lock();
            try {
                moved.signalAll();
            } finally {
                lock.unlock();
            }
        }
    }
}
