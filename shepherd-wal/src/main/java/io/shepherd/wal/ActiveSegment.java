package io.shepherd.wal;

import io.shepherd.common.io.DiskFile;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;

/**
 * The segment the writer appends to: its open file, base position, write offset, and what of it is durable.
 *
 * <p><b>Preallocation.</b> With a non-zero {@code preallocateBytes}, the file is kept zero-filled ahead of
 * the write offset, in chunks of that size up to the segment size. A force then usually has no file length
 * to commit: it is a data-only force ({@code force(false)}), which on ext4 is one device flush instead of a
 * journal commit, and writes land in blocks that are already allocated. Only the force after a chunk was
 * added commits the new length ({@code force(true)}). Zeros never form a valid frame, so recovery reads a
 * zero tail as the clean end of the log; {@link #seal} cuts it off so that a sealed segment ends exactly at
 * its last record.
 *
 * <p><b>Threads.</b> The writer thread writes; the {@link Forcer} may force concurrently. A force covers
 * every byte written before it started, so it reads the write offset and the file length first and
 * publishes them as durable after.
 */
final class ActiveSegment {

    private static final ByteBuffer ZEROS = ByteBuffer.allocateDirect(1 << 20);

    private final DiskFile file;
    private final long base;
    private final long segmentBytes;
    private final long preallocateBytes;
    private volatile long writeOffset;
    private volatile long forcedOffset;
    /** The file's length now, including any zero-filled tail; written by the writer only. */
    private volatile long length;
    /** The length a {@code force(true)} made durable; -1 while unknown, as after a crash that kept the cache. */
    private volatile long durableLength;

    private ActiveSegment(DiskFile file, long base, long writeOffset, long length, boolean lengthDurable,
            WalOptions options) {
        this.file = file;
        this.base = base;
        this.writeOffset = writeOffset;
        this.forcedOffset = writeOffset;
        this.length = length;
        this.durableLength = lengthDurable ? length : -1;
        this.segmentBytes = options.segmentBytes();
        this.preallocateBytes = options.preallocateBytes();
    }

    /** A segment whose file is durable and exactly {@code writeOffset} bytes long: just created, or just cut. */
    static ActiveSegment durableAt(DiskFile file, long base, long writeOffset, WalOptions options) {
        return new ActiveSegment(file, base, writeOffset, writeOffset, true, options);
    }

    /**
     * The last segment of a log being opened, {@code length} bytes long with records up to {@code writeOffset}
     * and zeros after. Its length may not be durable (a killed process leaves it in the cache), so the first
     * force commits it.
     */
    static ActiveSegment reopened(DiskFile file, long base, long writeOffset, long length, WalOptions options) {
        return new ActiveSegment(file, base, writeOffset, length, false, options);
    }

    Path path() {
        return file.path();
    }

    DiskFile file() {
        return file;
    }

    long base() {
        return base;
    }

    long writeOffset() {
        return writeOffset;
    }

    /** The log position right after the last byte written. */
    long endPosition() {
        return SegmentFiles.positionAt(writeOffset, base);
    }

    boolean hasUnforcedWrites() {
        return forcedOffset < writeOffset || durableLength != length;
    }

    /** Appends {@code bytes} at the write offset. Any failure is fatal for the log: the tail is unknown. */
    void write(ByteBuffer bytes) {
        int count = bytes.remaining();
        long offset = writeOffset;
        try {
            preallocateFor(offset + count);
            file.write(bytes, offset);
        } catch (IOException e) {
            throw Wal.ioFailure(file.path(), "write of " + count + " bytes at offset " + offset + " failed", e);
        }
        writeOffset = offset + count;
        length = Math.max(length, writeOffset);
    }

    /** Zero-fills the next chunk if the write would reach past the zero-filled tail (and preallocation is on). */
    private void preallocateFor(long end) throws IOException {
        if (preallocateBytes == 0 || end <= length || length >= segmentBytes) {
            return;
        }
        long target = Math.min(segmentBytes, Math.max(end, length + preallocateBytes));
        for (long at = length; at < target; ) {
            ByteBuffer zeros = ZEROS.duplicate().limit((int) Math.min(ZEROS.capacity(), target - at));
            file.write(zeros, at);
            at += zeros.position();
        }
        length = target;
    }

    /**
     * Forces what has been written, and the file length too if it changed since the last force that
     * committed it. A failure is fatal for the log and is never retried: Linux may have dropped the dirty
     * pages already, and a second force would report success over them.
     */
    void force() {
        long offset = writeOffset;
        long currentLength = length;
        boolean metadata = durableLength != currentLength;
        try {
            file.force(metadata);
        } catch (IOException e) {
            throw Wal.ioFailure(file.path(), "force failed; the log stops and must be reopened", e);
        }
        forcedOffset = offset;
        durableLength = currentLength;
    }

    /**
     * Makes this segment end exactly at its last record, durably: cuts off a zero-filled tail, then forces.
     * Recovery requires a sealed segment to end where its successor begins.
     */
    void seal() {
        if (length > writeOffset) {
            try {
                file.truncate(writeOffset);
            } catch (IOException e) {
                throw Wal.ioFailure(file.path(), "cannot cut the zero-filled tail at offset " + writeOffset, e);
            }
            length = writeOffset;
        }
        force();
    }

    void closeQuietly() {
        try {
            file.close();
        } catch (IOException ignored) {
            // closing a handle we are done with; nothing depends on it
        }
    }
}
