package io.shepherd.runtime.state.snapshot;

import io.shepherd.api.serialization.ByteInput;
import io.shepherd.api.serialization.ByteOutput;
import io.shepherd.api.serialization.SerializationException;
import io.shepherd.api.state.StateDescriptor;
import java.util.function.Consumer;
import java.util.zip.CRC32C;

/**
 * The frame around an operator snapshot, and the codes inside it (see
 * {@code docs/state-snapshots.md}):
 *
 * <pre>
 * magic "SHOS" (4 bytes) | version (1 byte) | body length N (int32 LE) | body (N bytes) | CRC32C of the body (int32 LE)
 * </pre>
 *
 * The checksum makes any flipped bit a clear error here, whatever the storage below checks; the
 * body's own counts are still checked against the bytes left, so a body that passes the checksum
 * but was written by a broken writer cannot loop or allocate without bound either.
 */
final class SnapshotFormat {
    static final int MAGIC = 0x534F4853; // "SHOS" in little-endian byte order
    static final byte VERSION = 1;
    static final int HEADER_BYTES = 9;
    static final int CHECKSUM_BYTES = 4;

    /** Section markers in the body, so a misplaced read fails at once and says where. */
    static final byte KEYED_SECTION = 'K';
    static final byte LISTS_SECTION = 'O';
    static final byte TIMERS_SECTION = 'T';

    private SnapshotFormat() {}

    /** Writes the header, the body {@code body} writes, and the checksum. */
    static void frame(ByteOutput out, Consumer<ByteOutput> body) {
        out.writeInt(MAGIC);
        out.writeByte(VERSION);
        int lengthAt = out.position();
        out.writeInt(0); // patched below, once the length is known
        int bodyStart = out.position();
        body.accept(out);
        int length = out.position() - bodyStart;
        byte[] bytes = out.array();
        for (int i = 0; i < Integer.BYTES; i++) {
            bytes[lengthAt + i] = (byte) (length >>> (8 * i));
        }
        CRC32C crc = new CRC32C();
        crc.update(bytes, bodyStart, length);
        out.writeInt((int) crc.getValue());
    }

    /** Checks the header and the checksum and returns the body; {@code in} is left after the frame. */
    static byte[] unframe(ByteInput in) {
        int magic = in.readInt();
        if (magic != MAGIC) {
            throw new SerializationException("not an operator snapshot: it starts with 0x" + Integer.toHexString(magic)
                    + " where an operator snapshot starts with 0x" + Integer.toHexString(MAGIC) + " (\"SHOS\")");
        }
        byte version = in.readByte();
        if (version != VERSION) {
            throw new SerializationException("operator snapshot format version " + version
                    + " is not supported; this version of Shepherd reads version " + VERSION);
        }
        int length = in.readInt();
        if (length < 0 || (long) length + CHECKSUM_BYTES > in.remaining()) {
            throw new SerializationException("truncated operator snapshot: its header promises a body of " + length
                    + " bytes and a 4-byte checksum, but only " + in.remaining() + " bytes follow the header");
        }
        byte[] body = in.readBytes(length);
        int stored = in.readInt();
        CRC32C crc = new CRC32C();
        crc.update(body);
        if ((int) crc.getValue() != stored) {
            throw new SerializationException("corrupt operator snapshot: the checksum of its " + length
                    + "-byte body is 0x" + Integer.toHexString((int) crc.getValue()) + " but 0x"
                    + Integer.toHexString(stored) + " was stored");
        }
        return body;
    }

    static byte kindCode(StateDescriptor.Kind kind) {
        return switch (kind) {
            case VALUE -> 1;
            case LIST -> 2;
            case MAP -> 3;
            case REDUCING -> 4;
        };
    }

    static StateDescriptor.Kind kindOf(byte code, ByteInput in, int at) {
        return switch (code) {
            case 1 -> StateDescriptor.Kind.VALUE;
            case 2 -> StateDescriptor.Kind.LIST;
            case 3 -> StateDescriptor.Kind.MAP;
            case 4 -> StateDescriptor.Kind.REDUCING;
            default -> throw in.invalidAt(at, "unknown state kind " + code);
        };
    }
}
