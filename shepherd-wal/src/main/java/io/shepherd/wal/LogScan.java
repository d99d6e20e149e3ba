package io.shepherd.wal;

import io.shepherd.common.io.Disk;
import io.shepherd.common.io.DiskFile;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a log directory without changing it and decides what it holds: the segments, where the valid
 * records end, and whether the end is a torn write (cut it) or corruption (refuse).
 *
 * <p>The rules (see {@code docs/wal-format.md}):
 *
 * <ul>
 *   <li>Every segment's header must be valid and name the base its file name says.
 *   <li>A sealed segment (every one but the last) was forced before its successor was created, so its
 *       records must be valid all the way to exactly the successor's base; anything else is corruption.
 *   <li>In the last segment, the records end cleanly where the file ends or where only zeros (a preallocated
 *       tail) follow. Otherwise the first invalid frame is a torn tail if no valid frame follows it in the
 *       file, and corruption if one does: bytes after a torn write are never a complete valid record,
 *       while damage to a durable record leaves the records after it intact.
 * </ul>
 */
final class LogScan {

    /** What the scan found. {@code tornTail} is null if the last segment ends cleanly. */
    record Result(List<Long> bases, List<Path> tempFiles, long endPosition, long endOffset, TornTail tornTail) {

        long startPosition() {
            return bases.get(0);
        }

        long lastBase() {
            return bases.get(bases.size() - 1);
        }
    }

    private static final int READ_BUFFER_BYTES = 1 << 20;

    private final Disk disk;
    private final Path directory;
    private final WalOptions options;

    private LogScan(WalOptions options) {
        this.disk = options.disk();
        this.directory = options.directory();
        this.options = options;
    }

    /** Scans the log; an empty (or segment-less) directory gives an empty list of bases. */
    static Result scan(WalOptions options) {
        return new LogScan(options).run();
    }

    private Result run() {
        List<Long> bases = new ArrayList<>();
        List<Path> temps = new ArrayList<>();
        try {
            for (Path entry : disk.list(directory)) {
                String name = entry.getFileName().toString();
                long base = SegmentFiles.parseBase(name);
                if (base >= 0) {
                    bases.add(base);
                } else if (SegmentFiles.isTemp(name)) {
                    temps.add(entry);
                }
            }
        } catch (IOException e) {
            throw new WalIoException(directory, "cannot list the log directory", e);
        }
        bases.sort(null);
        if (bases.isEmpty()) {
            return new Result(bases, temps, 0, 0, null);
        }
        for (int i = 0; i < bases.size() - 1; i++) {
            checkSealed(bases.get(i), bases.get(i + 1));
        }
        return scanLast(bases, temps);
    }

    private void checkSealed(long base, long nextBase) {
        Path path = SegmentFiles.path(directory, base);
        long endOffset = SegmentFiles.offsetOf(nextBase, base);
        try (DiskFile file = disk.openReadable(path)) {
            readHeader(file, base);
            long size = file.size();
            if (size != endOffset) {
                throw new CorruptLogException(path, Math.min(size, endOffset), "sealed segment is " + size
                        + " bytes, but its records must end at offset " + endOffset + " where the next segment (base "
                        + nextBase + ") begins");
            }
            if (!options.verifySealedSegments()) {
                return;
            }
            SegmentCursor cursor = new SegmentCursor(file, base, SegmentHeader.BYTES, options.maxRecordBytes(),
                    READ_BUFFER_BYTES);
            SegmentCursor.Step step;
            while ((step = cursor.next(endOffset)) == SegmentCursor.Step.RECORD) {
                // only checking
            }
            if (step == SegmentCursor.Step.INVALID) {
                throw new CorruptLogException(path, cursor.offset(), "damaged record at position "
                        + cursor.nextPosition() + " in a sealed segment: " + cursor.invalidReason());
            }
        } catch (IOException e) {
            throw new WalIoException(path, "cannot read sealed segment", e);
        }
    }

    private Result scanLast(List<Long> bases, List<Path> temps) {
        long base = bases.get(bases.size() - 1);
        Path path = SegmentFiles.path(directory, base);
        try (DiskFile file = disk.openReadable(path)) {
            readHeader(file, base);
            long size = file.size();
            SegmentCursor cursor = new SegmentCursor(file, base, SegmentHeader.BYTES, options.maxRecordBytes(),
                    READ_BUFFER_BYTES);
            SegmentCursor.Step step;
            while ((step = cursor.next(size)) == SegmentCursor.Step.RECORD) {
                // walking to the first frame that is not valid
            }
            long end = cursor.offset();
            TornTail torn = null;
            if (step == SegmentCursor.Step.INVALID && !onlyZerosFrom(file, end, size)) {
                long valid = ValidFrameSearch.findAfter(file, base, end + 1, size, options.maxRecordBytes());
                if (valid >= 0) {
                    throw new CorruptLogException(path, end, "damaged record at position " + cursor.nextPosition()
                            + " (" + cursor.invalidReason() + "), and a valid record follows at offset " + valid
                            + ", so this is not a torn write");
                }
                torn = new TornTail(path, end, cursor.nextPosition(), size - end, cursor.invalidReason());
            }
            return new Result(bases, temps, SegmentFiles.positionAt(end, base), end, torn);
        } catch (IOException e) {
            throw new WalIoException(path, "cannot read the last segment", e);
        }
    }

    /**
     * Whether the file holds only zero bytes from {@code from} to its end: a preallocated tail, the clean end
     * of the log (zeros never form a valid frame, and no record was written there).
     */
    private static boolean onlyZerosFrom(DiskFile file, long from, long size) throws IOException {
        ByteBuffer chunk = ByteBuffer.allocate((int) Math.min(READ_BUFFER_BYTES, size - from));
        for (long at = from; at < size; at += chunk.capacity()) {
            chunk.clear().limit((int) Math.min(chunk.capacity(), size - at));
            file.readFully(chunk, at);
            for (int i = 0; i < chunk.limit(); i++) {
                if (chunk.get(i) != 0) {
                    return false;
                }
            }
        }
        return true;
    }

    private static void readHeader(DiskFile file, long base) throws IOException {
        ByteBuffer header = ByteBuffer.allocate(SegmentHeader.BYTES);
        long size = file.size();
        if (size < SegmentHeader.BYTES) {
            throw new CorruptLogException(file.path(), 0, "segment file is " + size + " bytes, shorter than its "
                    + SegmentHeader.BYTES + "-byte header (segments get their name only after the header is durable)");
        }
        file.readFully(header, 0);
        long headerBase = SegmentHeader.decode(header.flip(), file.path());
        if (headerBase != base) {
            throw new CorruptLogException(file.path(), 16, "header says base position " + headerBase
                    + " but the file name says " + base);
        }
    }
}
