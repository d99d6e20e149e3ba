package io.shepherd.wal;

import io.shepherd.common.io.DiskFile;
import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * Looks for any valid frame in a byte range of a segment, at any offset. Recovery uses it to tell a torn
 * tail (nothing valid after the bad bytes) from corruption (valid records after them). A frame is only
 * a candidate where its position field equals the position of its own offset, so the search is a cheap
 * compare per byte and a checksum only on the rare candidate.
 */
final class ValidFrameSearch {

    private static final int CHUNK_BYTES = 1 << 20;
    private static final int POSITION_FIELD_END = 16;

    private ValidFrameSearch() {}

    /** The offset of the first valid frame starting in [from, size), or -1 if there is none. */
    static long findAfter(DiskFile file, long base, long from, long size, int maxPayload) throws IOException {
        ByteBuffer chunk = ByteBuffer.allocate(CHUNK_BYTES);
        long chunkStart = from;
        while (chunkStart + RecordFrame.HEADER_BYTES <= size) {
            int length = (int) Math.min(CHUNK_BYTES, size - chunkStart);
            chunk.clear().limit(length);
            file.readFully(chunk, chunkStart);
            int lastCandidate = length - POSITION_FIELD_END;
            for (int i = 0; i <= lastCandidate; i++) {
                long offset = chunkStart + i;
                if (RecordFrame.positionField(chunk, i) == SegmentFiles.positionAt(offset, base)
                        && isValidAt(file, base, offset, size, maxPayload)) {
                    return offset;
                }
            }
            // Overlap the chunks so that a position field cut by the chunk boundary is still seen.
            chunkStart += lastCandidate + 1;
        }
        return -1;
    }

    private static boolean isValidAt(DiskFile file, long base, long offset, long size, int maxPayload)
            throws IOException {
        SegmentCursor cursor = new SegmentCursor(file, base, offset, maxPayload, RecordFrame.HEADER_BYTES);
        return cursor.next(size) == SegmentCursor.Step.RECORD;
    }
}
