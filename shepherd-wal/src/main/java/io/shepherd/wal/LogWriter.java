package io.shepherd.wal;

import io.shepherd.common.Clock;
import io.shepherd.common.io.DirectoryLock;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The single thread that writes the log. It takes every queued command at once, encodes the appends
 * into one buffer and writes it with one call. Under {@link SyncPolicy#SYNC} it hands the written batch to
 * the {@link Forcer}, which forces and then completes the batch's futures, while this thread gathers the
 * records that arrive meanwhile into the next batch (copying full batches into the file during the force):
 * group commit. Under the other policies this thread acknowledges (and periodically forces) itself.
 *
 * <p>It owns the active segment, the next position and the directory lock, guarded by a write lock that
 * an appender may also take to write a lone record itself when the log is idle ({@link #tryAppendInPlace}).
 *
 * <p>Any I/O error is fatal: the writer fails every pending future, refuses new work and stops, and the
 * log must be reopened so that recovery can settle the tail. In particular a failed force is never retried.
 *
 * <p>Time comes from the injected clock, read once per loop iteration. Waits are parked in slices of
 * at most {@link #MAX_PARK_NANOS} so that a simulated clock moved by a test is noticed promptly.
 */
final class LogWriter implements Runnable {

    private static final long MAX_PARK_NANOS = TimeUnit.MILLISECONDS.toNanos(10);
    private static final long GATHER_SLICE_NANOS = TimeUnit.MICROSECONDS.toNanos(200);

    private final WalOptions options;
    private final Clock clock;
    private final SyncPolicy policy;
    private final CommandQueue queue;
    private final LogState state;
    private final SegmentTable table;
    private final SegmentCreator creator;
    private final LogTruncation truncation;
    private final DirectoryLock lock;
    private final WriteCounters counters;
    private final Forcer forcer;
    /** Held while writing: by this thread, or by an appender {@link #tryAppendInPlace writing in place}. */
    private final ReentrantLock writeLock = new ReentrantLock();
    private final ArrayDeque<Command> backlog = new ArrayDeque<>();
    private List<Command.Append> unacknowledged = new ArrayList<>();
    private long unacknowledgedBytes;
    private ByteBuffer buffer;
    private ActiveSegment active;
    private long nextPosition;
    private long lastForceNanos;
    private boolean released;

    LogWriter(WalOptions options, CommandQueue queue, LogState state, SegmentTable table, ActiveSegment active,
            DirectoryLock lock, WriteCounters counters) {
        this.options = options;
        this.clock = options.clock();
        this.policy = options.syncPolicy();
        this.queue = queue;
        this.state = state;
        this.table = table;
        this.active = active;
        this.lock = lock;
        this.counters = counters;
        this.forcer = new Forcer(state, queue, counters, this::refuseNewWork);
        this.nextPosition = active.endPosition();
        this.creator = new SegmentCreator(options.disk(), options.directory());
        this.truncation = new LogTruncation(options, table, state);
        this.buffer = ByteBuffer.allocateDirect(options.maxBatchBytes() + RecordFrame.HEADER_BYTES);
        this.lastForceNanos = clock.nanoTime();
    }

    /** The force thread's work under SYNC; the caller runs it on a thread of its own. */
    Forcer forcer() {
        return forcer;
    }

    @Override
    public void run() {
        long waitNanos = 0;
        while (true) {
            try {
                queue.awaitCommands(waitNanos);
            } catch (InterruptedException e) {
                waitNanos = 0; // not a reason to stop: the next step sees whether there is work
            }
            writeLock.lock();
            try {
                if (state.stopped() != null) {
                    // An appender writing in place or the forcer failed the log; settle what this thread holds.
                    failAll(state.stopped().getCause() != null ? state.stopped().getCause() : state.stopped());
                    return;
                }
                waitNanos = step();
                if (waitNanos < 0) {
                    return;
                }
            } catch (Throwable t) {
                failAll(t);
                return;
            } finally {
                writeLock.unlock();
            }
        }
    }

    /**
     * Writes a lone append in the calling thread, if the log is idle under SYNC: the caller does the write
     * and the force itself, saving the hand-off to this thread and back (two wake-ups per record, a large
     * share of a fast force). This is group commit with the caller as the leader of a one-record group;
     * appends that arrive meanwhile queue up and this thread writes them as the next batch. Returns whether
     * it took the append (its future is then complete); if not, the caller queues it as usual.
     */
    boolean tryAppendInPlace(Command.Append append) {
        if (policy.kind() != SyncPolicy.Kind.SYNC || queue.hasCommands() || !writeLock.tryLock()) {
            return false;
        }
        try {
            // Queued commands or a leftover batch were submitted earlier and must keep their earlier positions;
            // batches still being forced must be acknowledged first, to keep acknowledgements in log order.
            if (state.stopped() != null || !backlog.isEmpty() || queue.hasCommands() || !forcer.idle()) {
                return false;
            }
            queue.charge(append.queuedBytes());
            backlog.add(append);
            writeBatch();
            forceAndAcknowledge(clock.nanoTime());
            return true;
        } catch (Throwable t) {
            failAll(t);
            return true;
        } finally {
            writeLock.unlock();
        }
    }

    /**
     * Does the work that is there now; returns how long to wait for more (0: more to do at once,
     * Long.MAX_VALUE: until a command arrives), or -1 once the log is closed. Runs under the write lock.
     */
    private long step() throws InterruptedException {
        long now = clock.nanoTime();
        queue.drainTo(backlog, 0);
        if (backlog.isEmpty()) {
            if (untilIntervalForce(now) <= 0) {
                forceAndAcknowledge(now);
            }
            return idleWait(now);
        }
        if (backlog.peek() instanceof Command.Control control) {
            backlog.poll();
            return runControl(control, now) ? 0 : -1;
        }
        if (policy.kind() == SyncPolicy.Kind.SYNC && !forcer.idle() && !batchIsFull()) {
            // What is written now would wait for the next force anyway: gather it into one write when this
            // force ends. Only a full batch is worth copying into the file while the force runs.
            gatherDuringForce();
            return 0;
        }
        awaitFullerBatch();
        writeBatch();
        now = clock.nanoTime();
        switch (policy.kind()) {
            case SYNC -> handToForcer();
            case NONE -> acknowledge();
            case INTERVAL -> {
                if (untilIntervalForce(now) <= 0) {
                    forceAndAcknowledge(now);
                }
            }
        }
        return backlog.isEmpty() ? idleWait(now) : 0;
    }

    /**
     * How long to sleep with nothing queued: until work arrives, or, with records waiting for the interval
     * force, until it is due (in slices, so that a simulated clock moved by a test is noticed).
     */
    private long idleWait(long now) {
        long untilForce = untilIntervalForce(now);
        return untilForce == Long.MAX_VALUE ? Long.MAX_VALUE : Math.max(0, Math.min(untilForce, MAX_PARK_NANOS));
    }

    /** Nanoseconds until the interval policy must force, or Long.MAX_VALUE if nothing is waiting for it. */
    private long untilIntervalForce(long now) {
        if (policy.kind() != SyncPolicy.Kind.INTERVAL || unacknowledged.isEmpty()) {
            return Long.MAX_VALUE;
        }
        return lastForceNanos + TimeUnit.MILLISECONDS.toNanos(policy.intervalMillis()) - now;
    }

    /**
     * Under SYNC with a batch wait, lets other appenders join this batch until it is full or its oldest
     * record has waited {@link WalOptions#maxBatchWaitNanos()} since it was queued.
     */
    private void awaitFullerBatch() throws InterruptedException {
        if (policy.kind() != SyncPolicy.Kind.SYNC || options.maxBatchWaitNanos() == 0
                || !(backlog.peek() instanceof Command.Append oldest)) {
            return;
        }
        long deadline = oldest.queuedAtNanos + options.maxBatchWaitNanos();
        while (!batchIsFull()) {
            long remaining = deadline - clock.nanoTime();
            if (remaining <= 0) {
                return;
            }
            queue.drainTo(backlog, Math.min(remaining, MAX_PARK_NANOS));
        }
    }

    /**
     * While the forcer works, takes what arrives until the force ends or a full batch is there (then the
     * caller writes it at once). Looks at the queue every {@link #GATHER_SLICE_NANOS}: appenders wake only a
     * parked writer, and a force lasts far longer than a slice.
     */
    private void gatherDuringForce() throws InterruptedException {
        while (!forcer.awaitIdle(GATHER_SLICE_NANOS)) {
            queue.drainTo(backlog, 0);
            if (batchIsFull()) {
                return;
            }
        }
    }

    /** Whether the queued appends fill a batch, or a queued control command (a close, a sync) ends it. */
    private boolean batchIsFull() {
        long bytes = 0;
        for (Command command : backlog) {
            if (!(command instanceof Command.Append append)) {
                return true;
            }
            bytes += append.frameBytes();
        }
        return bytes >= options.maxBatchBytes();
    }

    /** Writes the appends at the head of the backlog, up to the batch limit, rolling segments as needed. */
    private void writeBatch() {
        long batchBytes = 0;
        buffer.clear();
        while (backlog.peek() instanceof Command.Append append) {
            int frameBytes = append.frameBytes();
            if (batchBytes > 0 && batchBytes + frameBytes > options.maxBatchBytes()) {
                break;
            }
            if (active.writeOffset() + buffer.position() + frameBytes > options.segmentBytes()) {
                flushBuffer();
                roll();
            }
            if (buffer.remaining() < frameBytes) {
                flushBuffer();
                if (buffer.capacity() < frameBytes) {
                    buffer = ByteBuffer.allocateDirect(frameBytes);
                }
            }
            RecordFrame.encode(buffer, nextPosition, append.payload);
            append.position = nextPosition;
            nextPosition += frameBytes;
            batchBytes += frameBytes;
            backlog.poll();
            unacknowledged.add(append);
            unacknowledgedBytes += frameBytes;
        }
        flushBuffer();
    }

    private void flushBuffer() {
        if (buffer.position() > 0) {
            buffer.flip();
            active.write(buffer);
            buffer.clear();
        }
    }

    /**
     * Seals the active segment and starts the next. The sealed segment is cut to its last record and
     * forced first, whatever the policy: recovery treats damage in a sealed segment as corruption, which is
     * only sound if a sealed segment can never have a torn tail. Under SYNC the forcer finishes first, so
     * that it never forces a closed file and acknowledgements stay in log order.
     */
    private void roll() {
        if (policy.kind() == SyncPolicy.Kind.SYNC) {
            handToForcer();
            forcer.awaitIdle();
        }
        active.seal();
        counters.forced();
        active.closeQuietly();
        active = ActiveSegment.durableAt(creator.create(nextPosition), nextPosition, SegmentHeader.BYTES, options);
        table.append(nextPosition);
    }

    /** Under SYNC: hands the records written since the last hand-over to the forcer. */
    private void handToForcer() {
        if (unacknowledged.isEmpty()) {
            return;
        }
        forcer.submit(new Forcer.Batch(active, nextPosition, unacknowledged, unacknowledgedBytes));
        unacknowledged = new ArrayList<>();
        unacknowledgedBytes = 0;
    }

    private void forceAndAcknowledge(long now) {
        if (active.hasUnforcedWrites()) {
            active.force();
            counters.forced();
        }
        lastForceNanos = now;
        acknowledge();
    }

    /** Publishes the written records to readers and completes their futures, in log order. */
    private void acknowledge() {
        if (unacknowledged.isEmpty()) {
            return;
        }
        state.advance(nextPosition);
        for (Command.Append append : unacknowledged) {
            append.future.complete(append.position);
        }
        counters.acknowledged(unacknowledged.size(), unacknowledgedBytes);
        queue.release(unacknowledgedBytes);
        unacknowledged.clear();
        unacknowledgedBytes = 0;
    }

    /** Runs a control command once everything before it is durable; returns false if it closed the log. */
    private boolean runControl(Command.Control control, long now) {
        try {
            forcer.awaitIdle();
            forceAndAcknowledge(now);
            switch (control.kind) {
                case SYNC -> { }
                case TRUNCATE_PREFIX -> {
                    checkRange(control.position, "drop the log before");
                    truncation.dropPrefix(control.position);
                }
                case TRUNCATE_SUFFIX -> {
                    checkRange(control.position, "truncate the log at");
                    active = truncation.dropSuffix(control.position, active);
                    nextPosition = control.position;
                }
                case CLOSE -> {
                    close();
                    control.future.complete(null);
                    return false;
                }
            }
        } catch (RuntimeException e) {
            control.future.completeExceptionally(e);
            if (e instanceof InvalidPositionException) {
                return true; // the caller's mistake; the log is unharmed
            }
            throw e;
        }
        control.future.complete(null);
        return true;
    }

    private void checkRange(long position, String what) {
        if (position < state.start() || position > nextPosition) {
            throw new InvalidPositionException(position, "cannot " + what + " position " + position
                    + ": the log holds positions " + state.start() + " to " + nextPosition);
        }
    }

    private void close() {
        WalClosedException closed = new WalClosedException("write-ahead log " + options.directory() + " is closed");
        state.stop(closed);
        List<Command> queued = queue.close(closed);
        backlog.forEach(command -> command.fail(closed));
        backlog.clear();
        queued.forEach(command -> command.fail(closed));
        forcer.stop(null);
        releaseFiles();
    }

    /**
     * Stops the log after an error: the commands the writer and the forcer had taken get the error itself,
     * those still queued and every later call get a {@link WalFailedException} carrying it. Safe to call
     * again once the log stopped (it then settles only what is left).
     */
    private void failAll(Throwable cause) {
        refuseNewWork(cause);
        forcer.stop(cause);
        for (Command.Append append : unacknowledged) {
            append.fail(cause);
        }
        unacknowledged.clear();
        backlog.forEach(command -> command.fail(cause));
        backlog.clear();
        releaseFiles();
    }

    /**
     * Refuses new work, so no caller can slip a command in after a failure, and fails what is queued. The
     * forcer calls this before failing its own batches; the writer thread then settles the rest.
     */
    private void refuseNewWork(Throwable cause) {
        WalFailedException failed = new WalFailedException("write-ahead log " + options.directory()
                + " failed and refuses further work; reopen it to recover what is durable. Cause: "
                + cause.getMessage(), cause);
        state.stop(failed);
        queue.close(failed).forEach(command -> command.fail(failed));
    }

    private void releaseFiles() {
        if (released) {
            return;
        }
        released = true;
        active.closeQuietly();
        try {
            lock.close();
        } catch (IOException ignored) {
            // the lock dies with the process anyway
        }
    }
}
