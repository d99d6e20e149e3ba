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

    private final long maxQueuedBytes;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition notEmpty = lock.newCondition();
    private final Condition notFull = lock.newCondition();
    private ArrayList<Command> queued = new ArrayList<>();
    private long queuedBytes;
    private RuntimeException closedBecause;

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
            queuedBytes += command.queuedBytes();
            if (queued.size() == 1) {
                notEmpty.signal();
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * Moves every queued command to {@code into}, first waiting up to {@code maxWaitNanos} (real time) for
     * one to arrive. Returns how many moved.
     */
    int drainTo(ArrayDeque<Command> into, long maxWaitNanos) throws InterruptedException {
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
            queuedBytes = 0;
            notFull.signalAll();
            return left;
        } finally {
            lock.unlock();
        }
    }
}
