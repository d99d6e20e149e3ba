package io.shepherd.wal;

import io.shepherd.common.Clock;
import io.shepherd.common.io.Disk;
import io.shepherd.common.io.DiskFile;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Reads records in order from a starting position, across segments, and can follow the log as it grows.
 * It sees exactly the acknowledged records (under {@link SyncPolicy#SYNC}: the durable ones), never a
 * record that is still being written.
 *
 * <p>Every record is checked (position, checksum) as it is read; damage raises
 * {@link CorruptLogException} naming the file and offset. A position that is not a record boundary
 * raises {@link InvalidPositionException} on the first read. If the log's prefix is dropped past the
 * reader, or its suffix cut below it, the next read raises {@link InvalidPositionException}.
 *
 * <p>One thread at a time; open one reader per consumer. Close it to release its file handle.
 */
public final class WalReader implements AutoCloseable {

    private static final int READ_BUFFER_BYTES = 256 << 10;

    private final Disk disk;
    private final Path directory;
    private final Clock clock;
    private final int maxRecordBytes;
    private final SegmentTable table;
    private final LogState state;
    private long position;
    private long truncationEpoch;
    private boolean positionConfirmed;
    private SegmentCursor cursor;

    WalReader(WalOptions options, SegmentTable table, LogState state, long position) {
        this.disk = options.disk();
        this.directory = options.directory();
        this.clock = options.clock();
        this.maxRecordBytes = options.maxRecordBytes();
        this.table = table;
        this.state = state;
        this.truncationEpoch = state.truncationEpoch();
        this.position = position;
        checkInRange();
    }

    /** The position of the next record this reader returns. */
    public long position() {
        return position;
    }

    /** The next record, or null if the reader is at the end of the acknowledged records. */
    public LogRecord next() {
        while (true) {
            noticeTruncations();
            checkInRange();
            long end = state.end();
            if (position >= end) {
                return null;
            }
            try {
                LogRecord record = readAt(end);
                if (record != null) {
                    return record;
                }
            } catch (IOException | RuntimeException e) {
                if (state.truncationEpoch() == truncationEpoch) {
                    throw e instanceof IOException io
                            ? new WalIoException(cursorPath(), "cannot read position " + position, io)
                            : (RuntimeException) e;
                }
                // The log was cut under us while reading; noticeTruncations() sorts it out on the next pass.
            }
        }
    }

    /**
     * The next record, waiting up to {@code timeout} (on the log's clock) for one to be appended; null if
     * none came.
     *
     * @throws WalClosedException or {@link WalFailedException} if the log stops while waiting
     */
    public LogRecord next(Duration timeout) throws InterruptedException {
        long deadline = clock.nanoTime() + timeout.toNanos();
        while (true) {
            LogRecord record = next();
            if (record != null) {
                return record;
            }
            RuntimeException stopped = state.stopped();
            if (stopped != null) {
                throw stopped;
            }
            long remaining = deadline - clock.nanoTime();
            if (remaining <= 0) {
                return null;
            }
            state.awaitEndPast(position, remaining);
        }
    }

    /** Reads one record below {@code end}; null if it only moved to the next segment. */
    private LogRecord readAt(long end) throws IOException {
        long base = table.baseFor(position);
        if (cursor == null || cursor.base() != base) {
            openSegment(base);
        }
        long nextBase = table.nextBase(base);
        if (nextBase >= 0 && position == nextBase) {
            openSegment(nextBase);
            return null;
        }
        long limit = nextBase >= 0 ? Math.min(nextBase, end) : end;
        SegmentCursor.Step step = cursor.next(SegmentFiles.offsetOf(limit, base));
        switch (step) {
            case RECORD -> {
                ByteBuffer payload = cursor.payload();
                byte[] bytes = new byte[payload.remaining()];
                payload.get(bytes);
                LogRecord record = new LogRecord(cursor.position(), bytes);
                position = cursor.nextPosition();
                positionConfirmed = true;
                return record;
            }
            case END -> throw new IllegalStateException("reader at " + position + " found no data below the end " + end);
            default -> throw invalidFrame();
        }
    }

    private RuntimeException invalidFrame() {
        long offset = cursor.offset();
        Path file = cursor.file().path();
        if (!positionConfirmed && cursor.misplaced()) {
            return new InvalidPositionException(position, "no record starts at position " + position + " (" + file
                    + " offset " + offset + "); use a position returned by append or by a reader");
        }
        return new CorruptLogException(file, offset, "damaged record at position " + position + ": "
                + cursor.invalidReason());
    }

    private void openSegment(long base) throws IOException {
        closeCursor();
        Path path = SegmentFiles.path(directory, base);
        DiskFile file;
        try {
            file = disk.openReadable(path);
        } catch (NoSuchFileException e) {
            checkInRange(); // a prefix truncation removed it: say so
            throw e;
        }
        cursor = new SegmentCursor(file, base, SegmentFiles.offsetOf(position, base), maxRecordBytes,
                READ_BUFFER_BYTES);
    }

    private void noticeTruncations() {
        long epoch = state.truncationEpoch();
        if (epoch == truncationEpoch) {
            return;
        }
        long lowest = state.lowestTruncationSince(truncationEpoch);
        truncationEpoch = epoch;
        closeCursor(); // buffered bytes may be gone or replaced
        if (position > lowest) {
            throw new InvalidPositionException(position, "the log was truncated at position " + lowest
                    + ", below this reader's position " + position + "; open a new reader");
        }
    }

    private void checkInRange() {
        long start = state.start();
        if (position < start) {
            throw new InvalidPositionException(position, "position " + position + " is before the start of the log ("
                    + start + "): it was dropped by a prefix truncation");
        }
        long end = state.end();
        if (position > end) {
            throw new InvalidPositionException(position, "position " + position + " is past the end of the log ("
                    + end + ")");
        }
    }

    private Path cursorPath() {
        return cursor != null ? cursor.file().path() : directory;
    }

    private void closeCursor() {
        if (cursor != null) {
            try {
                cursor.file().close();
            } catch (IOException ignored) {
                // a read handle; nothing was written through it
            }
            cursor = null;
        }
    }

    @Override
    public void close() {
        closeCursor();
    }
}
