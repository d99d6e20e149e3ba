package io.shepherd.wal;

import io.shepherd.common.io.DiskFile;
import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * Walks the frames of one segment file in order, checking each (header fields, position, checksum)
 * before handing it out. It never reads at or past the limit it is given, so a reader can follow a
 * segment that is still being written without ever seeing half-written bytes.
 */
final class SegmentCursor {

    enum Step {
        /** A valid record is current: see {@link #position()} and {@link #payload()}. */
        RECORD,
        /** The cursor is exactly at the limit. */
        END,
        /** The bytes at {@link #offset()} are not a valid frame: see {@link #invalidReason()}. */
        INVALID
    }

    private final DiskFile file;
    private final long base;
    private final int maxPayload;
    private ByteBuffer buffer;
    private long bufferStart;
    private long offset;
    private int currentAt;
    private long currentPosition;
    private String invalidReason;
    private boolean misplaced;

    SegmentCursor(DiskFile file, long base, long startOffset, int maxPayload, int bufferBytes) {
        this.file = file;
        this.base = base;
        this.maxPayload = maxPayload;
        this.buffer = ByteBuffer.allocate(Math.max(bufferBytes, RecordFrame.HEADER_BYTES)).limit(0);
        this.offset = startOffset;
    }

    DiskFile file() {
        return file;
    }

    long base() {
        return base;
    }

    /** The offset of the next frame to read; after {@link Step#INVALID}, the offset of the bad bytes. */
    long offset() {
        return offset;
    }

    /** The log position of the next frame to read. */
    long nextPosition() {
        return SegmentFiles.positionAt(offset, base);
    }

    long position() {
        return currentPosition;
    }

    /** The current record's payload, valid until the next call. */
    ByteBuffer payload() {
        int length = RecordFrame.lengthField(buffer, currentAt);
        int from = currentAt + RecordFrame.HEADER_BYTES;
        return buffer.duplicate().limit(from + length).position(from).slice();
    }

    String invalidReason() {
        return invalidReason;
    }

    /**
     * After {@link Step#INVALID}: whether the bytes do not even claim to be a record at this position (too
     * few bytes for a header, or a position field naming another position), as when a caller asks for a
     * position that is not a record boundary.
     */
    boolean misplaced() {
        return misplaced;
    }

    /** Reads the frame at {@link #offset()}, using only bytes before {@code limitOffset}. */
    Step next(long limitOffset) throws IOException {
        if (offset >= limitOffset) {
            return Step.END;
        }
        long available = limitOffset - offset;
        misplaced = true;
        if (available < RecordFrame.HEADER_BYTES) {
            return invalid("only " + available + " bytes left, less than a record header");
        }
        int at = load(offset, RecordFrame.HEADER_BYTES, limitOffset);
        long expected = nextPosition();
        misplaced = RecordFrame.positionField(buffer, at) != expected;
        String reason = RecordFrame.checkHeader(buffer, at, expected, maxPayload);
        if (reason != null) {
            return invalid(reason);
        }
        int frameBytes = RecordFrame.frameBytes(RecordFrame.lengthField(buffer, at));
        if (frameBytes > available) {
            return invalid("a record of " + frameBytes + " bytes runs past the end of the data ("
                    + available + " bytes left)");
        }
        at = load(offset, frameBytes, limitOffset);
        reason = RecordFrame.checkCrc(buffer, at);
        if (reason != null) {
            return invalid(reason);
        }
        currentAt = at;
        currentPosition = expected;
        offset += frameBytes;
        invalidReason = null;
        return Step.RECORD;
    }

    /** Forgets buffered bytes and moves to {@code newOffset}, e.g. after the file was cut. */
    void reset(long newOffset) {
        buffer.limit(0);
        bufferStart = 0;
        offset = newOffset;
    }

    private Step invalid(String reason) {
        invalidReason = reason;
        return Step.INVALID;
    }

    /**
     * Makes bytes [at, at + count) available in the buffer, reading ahead up to {@code limitOffset}, and
     * returns the buffer index of {@code at}.
     */
    private int load(long at, int count, long limitOffset) throws IOException {
        if (at >= bufferStart && at + count <= bufferStart + buffer.limit()) {
            return (int) (at - bufferStart);
        }
        if (buffer.capacity() < count) {
            buffer = ByteBuffer.allocate(count);
        }
        int want = (int) Math.min(buffer.capacity(), limitOffset - at);
        buffer.clear().limit(want);
        file.readFully(buffer, at);
        buffer.flip();
        bufferStart = at;
        return 0;
    }
}
