package io.shepherd.wal;

import io.shepherd.common.io.DirectoryLock;
import io.shepherd.common.io.Disk;
import io.shepherd.common.io.DiskFile;
import io.shepherd.common.io.OutOfSpaceException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * A segmented, append-only write-ahead log (see {@code docs/wal-format.md} for the bytes on disk).
 *
 * <p><b>Positions.</b> Every record has a stable 64-bit log position: the log's logical byte address of
 * its frame. Positions increase with every append, the next record's position is this one's plus its
 * frame size, and they never change (truncation removes records, it never renumbers them). A new log
 * starts at position 0.
 *
 * <p><b>Appending.</b> {@link #append} queues a record and returns at once; its future completes with the
 * record's position when the record is durable under the {@link SyncPolicy}, or exceptionally if the log
 * fails first. Futures complete in log order, on the log's threads (its writer or force thread, or a
 * caller of {@link #appendAndAwait} writing in place): a dependent action that blocks on this log stalls it,
 * so chain with the {@code ...Async} variants if it must. Appends from many threads are written by one writer thread, and under
 * {@link SyncPolicy#SYNC} share forces (group commit). Appending blocks only when
 * {@link WalOptions#maxQueuedBytes()} of appends already await acknowledgement.
 *
 * <p><b>Failure.</b> Any I/O error while writing (a failed force, a full disk) stops this instance: pending
 * futures fail, later calls fail with {@link WalFailedException}, and a failed force is never retried.
 * Reopening recovers exactly what is durable.
 *
 * <p><b>Opening</b> recovers: a torn final record in the last segment is cut off and reported in
 * {@link #recoveryReport()}; damage anywhere else fails the open with {@link CorruptLogException} naming
 * the file and byte offset. A writable log locks its directory against other processes.
 *
 * <p>Thread-safe.
 */
public final class Wal implements AutoCloseable {

    private final WalOptions options;
    private final SegmentTable table;
    private final LogState state;
    private final RecoveryReport report;
    private final CommandQueue queue;
    private final LogWriter writer;
    private final Thread writerThread;
    private final WriteCounters counters;

    private Wal(WalOptions options, SegmentTable table, LogState state, RecoveryReport report, CommandQueue queue,
            LogWriter writer, Thread writerThread, WriteCounters counters) {
        this.options = options;
        this.table = table;
        this.state = state;
        this.report = report;
        this.queue = queue;
        this.writer = writer;
        this.writerThread = writerThread;
        this.counters = counters;
    }

    /**
     * Opens (creating if needed) the log in {@code options.directory()} for appending and reading,
     * recovering it first.
     *
     * @throws CorruptLogException if a durable record is damaged; nothing is changed then
     * @throws WalIoException if the directory cannot be read, locked or repaired
     */
    public static Wal open(WalOptions options) {
        Disk disk = options.disk();
        Path directory = options.directory();
        DirectoryLock lock;
        try {
            disk.createDirectories(directory);
            lock = disk.lock(directory);
        } catch (IOException e) {
            throw ioFailure(directory, "cannot open the log directory for writing", e);
        }
        try {
            return openLocked(options, lock);
        } catch (RuntimeException e) {
            try {
                lock.close();
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    private static Wal openLocked(WalOptions options, DirectoryLock lock) {
        LogScan.Result scan = LogScan.scan(options);
        Disk disk = options.disk();
        Path directory = options.directory();
        removeTempFiles(disk, directory, scan.tempFiles());
        List<Long> bases = new ArrayList<>(scan.bases());
        ActiveSegment active;
        if (bases.isEmpty()) {
            active = ActiveSegment.durableAt(new SegmentCreator(disk, directory).create(0), 0, SegmentHeader.BYTES,
                    options);
            bases.add(0L);
        } else {
            active = openLast(options, scan);
        }
        SegmentTable table = new SegmentTable(bases);
        LogState state = new LogState(options.clock(), table.first(), active.endPosition());
        RecoveryReport report = new RecoveryReport(bases.size(), table.first(), active.endPosition(),
                Optional.ofNullable(scan.tornTail()), scan.tempFiles());
        CommandQueue queue = new CommandQueue(options.maxQueuedBytes());
        WriteCounters counters = new WriteCounters();
        LogWriter writer = new LogWriter(options, queue, state, table, active, lock, counters);
        if (options.syncPolicy().kind() == SyncPolicy.Kind.SYNC) {
            startDaemon(writer.forcer(), "wal-forcer-" + directory.getFileName());
        }
        Thread thread = startDaemon(writer, "wal-writer-" + directory.getFileName());
        return new Wal(options, table, state, report, queue, writer, thread, counters);
    }

    private static Thread startDaemon(Runnable work, String name) {
        Thread thread = new Thread(work, name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    /**
     * Opens the last segment for appending, cutting off a torn tail durably first. A zero-filled tail (from
     * preallocation) stays: it is where the next records go.
     */
    private static ActiveSegment openLast(WalOptions options, LogScan.Result scan) {
        Path path = SegmentFiles.path(options.directory(), scan.lastBase());
        try {
            DiskFile file = options.disk().openWritable(path);
            long length = file.size();
            if (scan.tornTail() != null) {
                file.truncate(scan.endOffset());
                file.force(true);
                return ActiveSegment.durableAt(file, scan.lastBase(), scan.endOffset(), options);
            }
            return ActiveSegment.reopened(file, scan.lastBase(), scan.endOffset(), length, options);
        } catch (IOException e) {
            throw ioFailure(path, "cannot open the last segment for appending", e);
        }
    }

    private static void removeTempFiles(Disk disk, Path directory, List<Path> temps) {
        if (temps.isEmpty()) {
            return;
        }
        try {
            for (Path temp : temps) {
                disk.delete(temp);
            }
            disk.syncDirectory(directory);
        } catch (IOException e) {
            throw ioFailure(directory, "cannot remove half-created segment files " + temps, e);
        }
    }

    /**
     * Opens the log for reading only: no lock, no writer, nothing repaired. A torn tail is reported in
     * {@link #recoveryReport()} and excluded from reading; corruption fails the open as in {@link #open}.
     */
    public static Wal openReadOnly(WalOptions options) {
        LogScan.Result scan = LogScan.scan(options);
        if (scan.bases().isEmpty()) {
            SegmentTable table = new SegmentTable(List.of(0L));
            return new Wal(options, table, new LogState(options.clock(), 0, 0),
                    new RecoveryReport(0, 0, 0, Optional.empty(), scan.tempFiles()), null, null, null,
                    new WriteCounters());
        }
        SegmentTable table = new SegmentTable(scan.bases());
        LogState state = new LogState(options.clock(), scan.startPosition(), scan.endPosition());
        RecoveryReport report = new RecoveryReport(scan.bases().size(), scan.startPosition(), scan.endPosition(),
                Optional.ofNullable(scan.tornTail()), scan.tempFiles());
        return new Wal(options, table, state, report, null, null, null, new WriteCounters());
    }

    /**
     * Appends a record. The log reads {@code payload} later, on its writer thread: do not change the array
     * until the future completes.
     *
     * @return a future completed with the record's position once it is durable under the sync policy, or
     *     exceptionally ({@link WalIoException}, {@link WalFailedException}, {@link WalClosedException})
     * @throws IllegalArgumentException if the payload is larger than {@link WalOptions#maxRecordBytes()}
     */
    public CompletableFuture<Long> append(byte[] payload) {
        Command.Append append = newAppend(payload);
        submit(append);
        return append.future;
    }

    /**
     * Appends a record and waits until it is durable under the policy: {@code append(payload).join()}, for
     * a writer that waits for each record anyway. Under {@link SyncPolicy#SYNC}, when nothing else is
     * queued, the calling thread writes and forces the record itself instead of handing it to the writer
     * thread and waiting to be woken, which saves two thread wake-ups per record; records from other
     * threads that arrive meanwhile are group-committed by the writer thread after it.
     *
     * @return the record's position
     * @throws WalIoException, {@link WalFailedException}, {@link WalClosedException} as the future of
     *     {@link #append} would complete with
     */
    public long appendAndAwait(byte[] payload) {
        Command.Append append = newAppend(payload);
        if (writer == null || !writer.tryAppendInPlace(append)) {
            submit(append);
        }
        return join(append.future);
    }

    private Command.Append newAppend(byte[] payload) {
        if (payload.length > options.maxRecordBytes()) {
            throw new IllegalArgumentException("record of " + payload.length + " bytes exceeds the limit of "
                    + options.maxRecordBytes() + " bytes for " + options.directory());
        }
        long queuedAt = options.maxBatchWaitNanos() > 0 ? options.clock().nanoTime() : 0;
        return new Command.Append(payload, queuedAt);
    }

    /**
     * Drops records before {@code position} for retention (e.g. once a checkpoint covers them): every
     * sealed segment that holds only such records is deleted, durably, before this returns. Records before
     * {@code position} that share a segment with later ones stay readable; {@link #startPosition()} says
     * where the log now starts.
     *
     * @throws InvalidPositionException if {@code position} is past the end
     */
    public void truncatePrefix(long position) {
        runControl(Command.Control.Kind.TRUNCATE_PREFIX, position);
    }

    /**
     * Removes the record at {@code position} and every record after it, durably, after first making
     * everything appended before this call durable. The next append gets {@code position}. Readers past
     * {@code position} fail on their next read.
     *
     * @throws InvalidPositionException if {@code position} is outside the log or not a record boundary
     */
    public void truncateSuffix(long position) {
        runControl(Command.Control.Kind.TRUNCATE_SUFFIX, position);
    }

    /** Makes everything appended before this call durable, whatever the policy, and waits for it. */
    public void sync() {
        runControl(Command.Control.Kind.SYNC, 0);
    }

    /**
     * Opens a reader at {@code position}, which must lie in [{@link #startPosition()},
     * {@link #endPosition()}] and be a record boundary (checked on the first read).
     *
     * @throws InvalidPositionException if it is before the start or past the end
     */
    public WalReader openReader(long position) {
        return new WalReader(options, table, state, position);
    }

    /** The position of the record after one at {@code position} whose payload is {@code payloadLength} bytes. */
    public static long positionAfter(long position, int payloadLength) {
        return position + RecordFrame.frameBytes(payloadLength);
    }

    /** The position of the first retained record. */
    public long startPosition() {
        return state.start();
    }

    /** The position after the last acknowledged record: where a reader at the end waits. */
    public long endPosition() {
        return state.end();
    }

    /** Forces and acknowledged records since opening: how well group commit batches. */
    public WalStats stats() {
        return counters.snapshot();
    }

    /** What opening found and repaired. */
    public RecoveryReport recoveryReport() {
        return report;
    }

    public Path directory() {
        return options.directory();
    }

    /** The options this log was opened with. */
    public WalOptions options() {
        return options;
    }

    /**
     * Makes everything appended before this call durable, then releases the directory. Appends after it
     * fail with {@link WalClosedException}. Idempotent.
     */
    @Override
    public void close() {
        if (writerThread == null) {
            state.stop(new WalClosedException("write-ahead log " + options.directory() + " is closed"));
            return;
        }
        Command.Control close = new Command.Control(Command.Control.Kind.CLOSE, 0);
        boolean queued;
        try {
            queue.add(close);
            queued = true;
        } catch (WalException alreadyStopped) {
            queued = false; // closed before, or failed (the failure reached the futures that were pending)
        }
        if (queued) {
            try {
                join(close.future); // throws if the final force fails: then not everything appended is durable
            } catch (WalFailedException | WalClosedException stoppedBefore) {
                // it failed or closed before our close ran; the pending futures carried that news
            }
        }
        try {
            writerThread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void runControl(Command.Control.Kind kind, long position) {
        if (queue == null) {
            throw new UnsupportedOperationException("log " + options.directory() + " was opened read-only");
        }
        Command.Control control = new Command.Control(kind, position);
        queue.add(control);
        join(control.future);
    }

    private void submit(Command command) {
        if (queue == null) {
            throw new UnsupportedOperationException("log " + options.directory() + " was opened read-only");
        }
        try {
            queue.add(command);
        } catch (RuntimeException refused) {
            command.fail(refused);
        }
    }

    private static <T> T join(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    /** The typed exception for an I/O failure on {@code file}: out of space, or another I/O error. */
    static WalIoException ioFailure(Path file, String what, IOException e) {
        if (e instanceof OutOfSpaceException) {
            return new WalOutOfSpaceException(file, what, e);
        }
        return new WalIoException(file, what, e);
    }
}
