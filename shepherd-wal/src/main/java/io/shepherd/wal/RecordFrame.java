package io.shepherd.wal;

import java.nio.ByteBuffer;
import java.util.zip.CRC32C;

/**
 * How one record is framed inside a segment (see {@code docs/wal-format.md}):
 *
 * <pre>
 * offset size field
 *  0     4    CRC32C of bytes 4 .. 20+length (the rest of the header, then the payload)
 *  4     4    payload length in bytes
 *  8     8    log position of this record
 * 16     1    type: 1 = data
 * 17     3    reserved, zero
 * 20     n    payload
 * </pre>
 *
 * The position field makes a frame self-locating: a reader handed a position that is not a record
 * boundary, or recovery scanning for valid records after a damaged one, can tell a real frame from
 * bytes that merely look like one. All-zero bytes never form a valid frame (type 0 is invalid).
 */
final class RecordFrame {

    static final int HEADER_BYTES = 20;
    static final byte TYPE_DATA = 1;

    private static final int LENGTH_AT = 4;
    private static final int POSITION_AT = 8;
    private static final int TYPE_AT = 16;
    private static final int RESERVED_AT = 17;

    private static final ThreadLocal<CRC32C> CRC = ThreadLocal.withInitial(CRC32C::new);

    private RecordFrame() {}

    static int frameBytes(int payloadLength) {
        return HEADER_BYTES + payloadLength;
    }

    /** Writes the frame of {@code payload} at {@code dst}'s position and advances it. */
    static void encode(ByteBuffer dst, long position, byte[] payload) {
        int start = dst.position();
        dst.putInt(0).putInt(payload.length).putLong(position).put(TYPE_DATA).put((byte) 0).putShort((short) 0);
        dst.put(payload);
        dst.putInt(start, crc(dst, start + LENGTH_AT, dst.position()));
    }

    /** The position field of the frame starting at {@code at} (no other check). */
    static long positionField(ByteBuffer buffer, int at) {
        return buffer.getLong(at + POSITION_AT);
    }

    /** The length field of the frame starting at {@code at} (no other check). */
    static int lengthField(ByteBuffer buffer, int at) {
        return buffer.getInt(at + LENGTH_AT);
    }

    /**
     * Checks the frame header at {@code at}: returns null if it can be the header of a record at
     * {@code expectedPosition} whose payload is at most {@code maxPayload} bytes, else why not.
     */
    static String checkHeader(ByteBuffer buffer, int at, long expectedPosition, int maxPayload) {
        int length = lengthField(buffer, at);
        long position = positionField(buffer, at);
        byte type = buffer.get(at + TYPE_AT);
        if (type == 0 && length == 0 && position == 0 && buffer.getInt(at) == 0) {
            return "zero bytes where a record header should be";
        }
        if (type != TYPE_DATA) {
            return "unknown record type " + type;
        }
        if (buffer.get(at + RESERVED_AT) != 0 || buffer.getShort(at + RESERVED_AT + 1) != 0) {
            return "reserved header bytes are not zero";
        }
        if (position != expectedPosition) {
            return "position field says " + position + ", expected " + expectedPosition;
        }
        if (length < 0 || length > maxPayload) {
            return "payload length " + length + " is outside 0.." + maxPayload;
        }
        return null;
    }

    /** Checks the checksum of a whole frame at {@code at}; returns null if it matches, else why not. */
    static String checkCrc(ByteBuffer buffer, int at) {
        int length = lengthField(buffer, at);
        int stored = buffer.getInt(at);
        int computed = crc(buffer, at + LENGTH_AT, at + HEADER_BYTES + length);
        return stored == computed ? null : String.format("checksum mismatch (stored %08x, computed %08x)", stored, computed);
    }

    private static int crc(ByteBuffer buffer, int from, int to) {
        CRC32C crc = CRC.get();
        crc.reset();
        crc.update(buffer.duplicate().limit(to).position(from));
        return (int) crc.getValue();
    }
}
