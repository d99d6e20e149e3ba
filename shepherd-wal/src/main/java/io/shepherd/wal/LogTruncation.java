package io.shepherd.wal;

import io.shepherd.common.io.Disk;
import io.shepherd.common.io.DiskFile;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The two truncations, run on the writer thread once everything queued before them is durable. Both
 * are durable when they return: every deletion is followed by a directory sync, in an order that never
 * leaves a gap between segments for a crash to expose.
 */
final class LogTruncation {

    private final Disk disk;
    private final Path directory;
    private final SegmentTable table;
    private final LogState state;
    private final WalOptions options;

    LogTruncation(WalOptions options, SegmentTable table, LogState state) {
        this.disk = options.disk();
        this.directory = options.directory();
        this.table = table;
        this.state = state;
        this.options = options;
    }

    /**
     * Drops every sealed segment whose records all lie before {@code position}, oldest first. Records
     * before {@code position} that share a segment with later ones stay readable until that segment goes.
     */
    void dropPrefix(long position) {
        while (table.size() > 1 && table.nextBase(table.first()) <= position) {
            long base = table.first();
            // Readers learn of the new start before the file goes, so they report truncation, not a missing file.
            state.setStart(table.nextBase(base));
            table.removeFirst();
            deleteDurably(SegmentFiles.path(directory, base));
        }
    }

    /**
     * Removes the record at {@code position} and everything after it, and returns the segment to append
     * to next. Newer segments are deleted newest first, so a crash midway leaves a shorter but gap-free
     * log; then the segment holding {@code position} is cut there and forced.
     */
    ActiveSegment dropSuffix(long position, ActiveSegment active) {
        long base = table.baseFor(position);
        if (position < active.endPosition()) {
            checkBoundary(base, position, active);
        }
        state.truncatedTo(position);
        ActiveSegment current = active;
        while (table.last() > base) {
            long doomed = table.last();
            if (current != null && current.base() == doomed) {
                current.closeQuietly();
                current = null;
            }
            table.removeLast();
            deleteDurably(SegmentFiles.path(directory, doomed));
        }
        Path path = SegmentFiles.path(directory, base);
        DiskFile file = null;
        try {
            file = current != null ? current.file() : disk.openWritable(path);
            long offset = SegmentFiles.offsetOf(position, base);
            file.truncate(offset);
            file.force(true);
            return ActiveSegment.durableAt(file, base, offset, options);
        } catch (IOException e) {
            throw Wal.ioFailure(path, "cannot cut the segment at position " + position, e);
        }
    }

    private void checkBoundary(long base, long position, ActiveSegment active) {
        Path path = SegmentFiles.path(directory, base);
        try (DiskFile file = disk.openReadable(path)) {
            long end = base == active.base() ? active.writeOffset() : file.size();
            SegmentCursor cursor = new SegmentCursor(file, base, SegmentFiles.offsetOf(position, base),
                    options.maxRecordBytes(), RecordFrame.HEADER_BYTES);
            if (cursor.next(end) != SegmentCursor.Step.RECORD) {
                throw new InvalidPositionException(position, "cannot truncate at position " + position
                        + ": no record starts there (" + path + " offset " + SegmentFiles.offsetOf(position, base)
                        + ": " + cursor.invalidReason() + ")");
            }
        } catch (IOException e) {
            throw Wal.ioFailure(path, "cannot read the record at position " + position, e);
        }
    }

    private void deleteDurably(Path file) {
        try {
            disk.delete(file);
            disk.syncDirectory(directory);
        } catch (IOException e) {
            throw Wal.ioFailure(file, "cannot delete segment", e);
        }
    }
}
