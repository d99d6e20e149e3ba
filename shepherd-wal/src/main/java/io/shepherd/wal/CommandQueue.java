package io.shepherd.wal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The hand-off from appending threads to the writer thread: a lock-free FIFO with a byte budget. Many
 * appenders add at once without taking a lock (a lock here is what dozens of writer threads would
 * queue on); the writer takes everything queued at once, which is what lets one force cover many
 * appends. The budget counts an append's bytes from {@link #add} until it is acknowledged
 * ({@link #release}), not just while it is queued: the writer keeps taking commands while the forcer is
 * busy, so a stalled disk must still stop appenders. They block only while the bytes awaiting
 * acknowledgement exceed the budget (backpressure instead of unbounded memory).
 *
 * <p>One thread (the log's writer) waits for commands; any thread may add.
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
    private final ConcurrentLinkedQueue<Command> queued = new ConcurrentLinkedQueue<>();
    private final AtomicLong unacknowledgedBytes = new AtomicLong();
    private volatile RuntimeException closedBecause;
    /** The writer, while it is parked waiting for commands; adders unpark it. */
    private volatile Thread parkedWriter;
    private final ReentrantLock fullLock = new ReentrantLock();
    private final Condition notFull = fullLock.newCondition();
    private volatile int waitingForRoom;

    CommandQueue(long maxQueuedBytes) {
        this.maxQueuedBytes = maxQueuedBytes;
    }

    /**
     * Queues a command, waiting while the queue is over budget.
     *
     * @throws RuntimeException the reason the queue was closed, if it was
     */
    void add(Command command) {
        RuntimeException closed = closedBecause;
        if (closed != null) {
            throw closed;
        }
        long bytes = command.queuedBytes();
        if (bytes > 0 && unacknowledgedBytes.get() > 0 && unacknowledgedBytes.get() + bytes > maxQueuedBytes) {
            awaitRoom(bytes);
        }
        unacknowledgedBytes.addAndGet(bytes);
        queued.add(command);
        // A close that began after the check above drains the queue; if it drained before our add, take
        // the command back, or nobody would ever complete it.
        closed = closedBecause;
        if (closed != null && queued.remove(command)) {
            throw closed;
        }
        Thread writer = parkedWriter;
        if (writer != null) {
            LockSupport.unpark(writer);
        }
    }

    private void awaitRoom(long bytes) {
        fullLock.lock();
        try {
            waitingForRoom++;
            while (unacknowledgedBytes.get() > 0 && unacknowledgedBytes.get() + bytes > maxQueuedBytes && closedBecause == null) {
                notFull.awaitUninterruptibly();
            }
        } finally {
            waitingForRoom--;
            fullLock.unlock();
        }
        RuntimeException closed = closedBecause;
        if (closed != null) {
            throw closed;
        }
    }

    /** Counts an append that skipped the queue (written in place) against the budget, without waiting. */
    void charge(long bytes) {
        unacknowledgedBytes.addAndGet(bytes);
    }

    /** Returns the budget of appends that were acknowledged, and wakes appenders waiting for room. */
    void release(long bytes) {
        if (bytes > 0) {
            unacknowledgedBytes.addAndGet(-bytes);
            signalRoom();
        }
    }

    /** Whether commands are waiting; a hint (one may arrive right after). */
    boolean hasCommands() {
        return !queued.isEmpty();
    }

    /**
     * Waits up to {@code maxWaitNanos} (real time) until a command is queued or the queue is closed,
     * spinning briefly before parking. Takes nothing. Returns whether commands are waiting. Only the
     * writer thread calls it.
     */
    boolean awaitCommands(long maxWaitNanos) throws InterruptedException {
        for (int i = 0; i < SPINS_BEFORE_PARKING && queued.isEmpty() && closedBecause == null && maxWaitNanos > 0; i++) {
            Thread.onSpinWait();
        }
        long deadline = System.nanoTime() + Math.min(maxWaitNanos, Long.MAX_VALUE / 2);
        parkedWriter = Thread.currentThread();
        try {
            // Announce first, then look: an adder either sees us parked or we see its command.
            while (queued.isEmpty() && closedBecause == null) {
                long remaining = deadline - System.nanoTime();
                if (remaining <= 0) {
                    break;
                }
                LockSupport.parkNanos(this, remaining);
                if (Thread.interrupted()) {
                    throw new InterruptedException();
                }
            }
        } finally {
            parkedWriter = null;
        }
        return !queued.isEmpty();
    }

    /**
     * Moves every queued command to {@code into}, first waiting up to {@code maxWaitNanos} (real time) for
     * one to arrive. Returns how many moved.
     */
    int drainTo(ArrayDeque<Command> into, long maxWaitNanos) throws InterruptedException {
        if (maxWaitNanos > 0 && queued.isEmpty()) {
            awaitCommands(maxWaitNanos);
        }
        int moved = 0;
        for (Command command = queued.poll(); command != null; command = queued.poll()) {
            into.add(command);
            moved++;
        }
        return moved;
    }

    /** Refuses further commands with {@code reason} and returns the ones still queued. */
    List<Command> close(RuntimeException reason) {
        if (closedBecause == null) {
            closedBecause = reason;
        }
        List<Command> left = new ArrayList<>();
        for (Command command = queued.poll(); command != null; command = queued.poll()) {
            left.add(command);
        }
        unacknowledgedBytes.set(0);
        fullLock.lock();
        try {
            notFull.signalAll();
        } finally {
            fullLock.unlock();
        }
        Thread writer = parkedWriter;
        if (writer != null) {
            LockSupport.unpark(writer);
        }
        return left;
    }

    private void signalRoom() {
        if (waitingForRoom > 0) {
            fullLock.lock();
            try {
                notFull.signalAll();
            } finally {
                fullLock.unlock();
            }
        }
    }
}
