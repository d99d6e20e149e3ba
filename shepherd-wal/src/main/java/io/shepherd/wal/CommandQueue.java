package io.shepherd.wal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The hand-off from appending threads to the writer thread: a FIFO with a byte budget. Appenders block
 * while the queued bytes exceed the budget (backpressure instead of unbounded memory); the writer takes
 * everything queued at once, which is what lets one force cover many appends.
 */
final class CommandQueue {

    /**
     * How many times the writer polls (with {@link Thread#onSpinWait()}) before parking. A single synchronous
     * appender sends its next record a few microseconds after its previous one is acknowledged; catching it
     * while still awake saves a park/unpark pair per record, a large share of a fast force. Bounded, so an
     * idle log costs a few tens of microseconds of CPU per batch, not a core.
     */
    private static final int SPINS_BEFORE_PARKING = 2_000;

    private final long maxQueuedBytes;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition notEmpty = lock.newCondition();
    private final Condition notFull = lock.newCondition();
    private ArrayList<Command> queued = new ArrayList<>();
    /** Whether {@link #queued} has commands; readable without the lock, for spinning. */
    private volatile boolean nonEmpty;
    private long queuedBytes;
    private volatile RuntimeException closedBecause;

    CommandQueue(long maxQueuedBytes) {
        this.maxQueuedBytes = maxQueuedBytes;
    }

    /**
     * Queues a command, waiting while the queue is over budget.
     *
     * @throws RuntimeException the reason the queue was closed, if it was
     */
    void add(Command command) {
        lock.lock();
        try {
            while (queuedBytes > 0 && queuedBytes + command.queuedBytes() > maxQueuedBytes && closedBecause == null) {
                notFull.awaitUninterruptibly();
            }
            if (closedBecause != null) {
                throw closedBecause;
            }
            queued.add(command);
            nonEmpty = true;
            queuedBytes += command.queuedBytes();
            if (queued.size() == 1) {
                notEmpty.signal();
            }
        } finally {
            lock.unlock();
        }
    }

    /** Whether commands are waiting; a hint without the lock (one may arrive right after). */
    boolean hasCommands() {
        return nonEmpty;
    }

    /**
     * Waits up to {@code maxWaitNanos} (real time) until a command is queued or the queue is closed,
     * spinning briefly before parking. Takes nothing. Returns whether commands are waiting.
     */
    boolean awaitCommands(long maxWaitNanos) throws InterruptedException {
        for (int i = 0; i < SPINS_BEFORE_PARKING && !nonEmpty && closedBecause == null && maxWaitNanos > 0; i++) {
            Thread.onSpinWait();
        }
        if (nonEmpty || closedBecause != null || maxWaitNanos <= 0) {
            return nonEmpty;
        }
        lock.lock();
        try {
            long remaining = maxWaitNanos;
            while (!nonEmpty && closedBecause == null && remaining > 0) {
                remaining = notEmpty.awaitNanos(remaining);
            }
            return nonEmpty;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Moves every queued command to {@code into}, first waiting up to {@code maxWaitNanos} (real time) for
     * one to arrive. Returns how many moved.
     */
    int drainTo(ArrayDeque<Command> into, long maxWaitNanos) throws InterruptedException {
        for (int i = 0; i < SPINS_BEFORE_PARKING && !nonEmpty && maxWaitNanos > 0; i++) {
            Thread.onSpinWait();
        }
        ArrayList<Command> taken;
        lock.lock();
        try {
            long remaining = maxWaitNanos;
            while (queued.isEmpty() && remaining > 0) {
                remaining = notEmpty.awaitNanos(remaining);
            }
            if (queued.isEmpty()) {
                return 0;
            }
            taken = queued;
            queued = new ArrayList<>(Math.max(16, taken.size()));
            nonEmpty = false;
            queuedBytes = 0;
            notFull.signalAll();
        } finally {
            lock.unlock();
        }
        into.addAll(taken);
        return taken.size();
    }

    /** Refuses further commands with {@code reason} and returns the ones still queued. */
    List<Command> close(RuntimeException reason) {
        lock.lock();
        try {
            if (closedBecause == null) {
                closedBecause = reason;
            }
            List<Command> left = queued;
            queued = new ArrayList<>();
            nonEmpty = false;
            queuedBytes = 0;
            notFull.signalAll();
            notEmpty.signalAll();
            return left;
        } finally {
            lock.unlock();
        }
    }
}
