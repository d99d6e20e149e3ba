package io.shepherd.wal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * The force thread of group commit under {@link SyncPolicy#SYNC} (the split of BookKeeper's journal): the
 * writer thread writes a batch and hands it here; while this thread forces, the writer gathers what arrives
 * and, once a full batch ({@link WalOptions#maxBatchBytes()}) is there, copies it into the file. One force
 * covers every batch handed over before it started, so the batches written during a force share the next
 * one. Only after its force returns are a batch's records published to readers and their futures completed,
 * in log order, by this thread.
 *
 * <p>The writer waits for this thread to finish ({@link #awaitIdle}) before anything that needs every
 * written record durable or touches the file otherwise: a segment roll, a control command, an appender
 * writing in place.
 *
 * <p>A failed force is fatal: the batch being forced and every batch handed over later fail with its
 * error, {@code onFailure} stops the log, and nothing is forced again.
 */
final class Forcer implements Runnable {

    /** Appends written to {@code segment} up to log position {@code end}, waiting for a force. */
    record Batch(ActiveSegment segment, long end, List<Command.Append> appends, long frameBytes) {}

    private final LogState state;
    private final CommandQueue queue;
    private final WriteCounters counters;
    private final Consumer<Throwable> onFailure;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition handedOver = lock.newCondition();
    private final Condition finished = lock.newCondition();
    private final ArrayDeque<Batch> pending = new ArrayDeque<>();
    private boolean forcing;
    private boolean stopped;
    private Throwable failure;

    Forcer(LogState state, CommandQueue queue, WriteCounters counters, Consumer<Throwable> onFailure) {
        this.state = state;
        this.queue = queue;
        this.counters = counters;
        this.onFailure = onFailure;
    }

    /** Hands over a written batch; if a force already failed, fails its appends at once. */
    void submit(Batch batch) {
        Throwable failed;
        lock.lock();
        try {
            failed = failure;
            if (failed == null) {
                pending.add(batch);
                handedOver.signal();
                return;
            }
        } finally {
            lock.unlock();
        }
        batch.appends().forEach(append -> append.fail(failed));
    }

    /** Whether every batch handed over has been acknowledged (or failed). */
    boolean idle() {
        lock.lock();
        try {
            return pending.isEmpty() && !forcing;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Waits until every batch handed over has been acknowledged.
     *
     * @throws RuntimeException the error of a failed force, if one failed
     */
    void awaitIdle() {
        awaitIdle(Long.MAX_VALUE);
    }

    /**
     * Waits up to {@code maxWaitNanos} until every batch handed over has been acknowledged; returns whether
     * they were.
     *
     * @throws RuntimeException the error of a failed force, if one failed
     */
    boolean awaitIdle(long maxWaitNanos) {
        lock.lock();
        try {
            long remaining = maxWaitNanos;
            while ((forcing || !pending.isEmpty()) && failure == null && remaining > 0) {
                if (maxWaitNanos == Long.MAX_VALUE) {
                    finished.awaitUninterruptibly();
                } else {
                    remaining = awaitFinished(remaining);
                }
            }
            if (failure != null) {
                throw failure instanceof RuntimeException e ? e : new IllegalStateException(failure);
            }
            return !forcing && pending.isEmpty();
        } finally {
            lock.unlock();
        }
    }

    private long awaitFinished(long nanos) {
        try {
            return finished.awaitNanos(nanos);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // the writer treats an interrupt as a hint to look for work
            return 0;
        }
    }

    /**
     * Stops the thread. With {@code cause}, the log failed elsewhere: batches not yet being forced fail with
     * it, and later submissions too. Returns without waiting for a force in progress.
     */
    void stop(Throwable cause) {
        List<Batch> dropped;
        lock.lock();
        try {
            stopped = true;
            if (cause != null && failure == null) {
                failure = cause;
            }
            dropped = new ArrayList<>(pending);
            pending.clear();
            handedOver.signal();
            finished.signalAll();
        } finally {
            lock.unlock();
        }
        if (cause != null) { // a close comes after awaitIdle, so there is nothing to drop
            dropped.forEach(batch -> batch.appends().forEach(append -> append.fail(cause)));
        }
    }

    @Override
    public void run() {
        List<Batch> batches;
        while ((batches = takeAll()) != null) {
            try {
                batches.get(batches.size() - 1).segment().force();
            } catch (Throwable t) {
                fail(batches, t);
                return;
            }
            counters.forced();
            acknowledge(batches);
            lock.lock();
            try {
                forcing = false;
                if (pending.isEmpty()) {
                    finished.signalAll();
                }
            } finally {
                lock.unlock();
            }
        }
    }

    /** Waits for batches and takes them all; null once stopped. */
    private List<Batch> takeAll() {
        lock.lock();
        try {
            while (pending.isEmpty() && !stopped) {
                handedOver.awaitUninterruptibly();
            }
            if (pending.isEmpty()) {
                return null;
            }
            List<Batch> batches = new ArrayList<>(pending);
            pending.clear();
            forcing = true;
            return batches;
        } finally {
            lock.unlock();
        }
    }

    private void acknowledge(List<Batch> batches) {
        state.advance(batches.get(batches.size() - 1).end());
        long records = 0;
        long bytes = 0;
        for (Batch batch : batches) {
            for (Command.Append append : batch.appends()) {
                append.future.complete(append.position);
            }
            records += batch.appends().size();
            bytes += batch.frameBytes();
        }
        counters.acknowledged(records, bytes);
        queue.release(bytes);
    }

    /** Stops the log first (refusing new work), then fails what was being forced and everything after it. */
    private void fail(List<Batch> batches, Throwable cause) {
        onFailure.accept(cause);
        List<Batch> later;
        lock.lock();
        try {
            if (failure == null) {
                failure = cause;
            }
            stopped = true;
            forcing = false;
            later = new ArrayList<>(pending);
            pending.clear();
            finished.signalAll();
        } finally {
            lock.unlock();
        }
        batches.forEach(batch -> batch.appends().forEach(append -> append.fail(cause)));
        later.forEach(batch -> batch.appends().forEach(append -> append.fail(cause)));
    }
}
