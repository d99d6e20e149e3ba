package io.shepherd.wal;

import io.shepherd.common.io.DiskFile;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;

/** The segment the writer appends to: its open file, base position, write offset and unforced state. */
final class ActiveSegment {

    private final DiskFile file;
    private final long base;
    private long writeOffset;
    private boolean unforced;

    ActiveSegment(DiskFile file, long base, long writeOffset) {
        this.file = file;
        this.base = base;
        this.writeOffset = writeOffset;
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
        return unforced;
    }

    /** Appends {@code bytes} at the write offset. Any failure is fatal for the log: the tail is unknown. */
    void write(ByteBuffer bytes) {
        int count = bytes.remaining();
        try {
            file.write(bytes, writeOffset);
        } catch (IOException e) {
            throw Wal.ioFailure(file.path(), "write of " + count + " bytes at offset " + writeOffset + " failed", e);
        }
        writeOffset += count;
        unforced = true;
    }

    /**
     * Forces the written bytes and the file length. A failure is fatal for the log and is never retried:
     * Linux may have dropped the dirty pages already, and a second force would report success over them.
     */
    void force() {
        try {
            file.force(true);
        } catch (IOException e) {
            throw Wal.ioFailure(file.path(), "force failed; the log stops and must be reopened", e);
        }
        unforced = false;
    }

    void closeQuietly() {
        try {
            file.close();
        } catch (IOException ignored) {
            // closing a handle we are done with; nothing depends on it
        }
    }
}
