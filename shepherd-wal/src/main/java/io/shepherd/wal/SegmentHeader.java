package io.shepherd.wal;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.zip.CRC32C;

/**
 * The fixed 32-byte header at the start of every segment file (see {@code docs/wal-format.md}):
 *
 * <pre>
 * offset size field
 *  0     8    magic "SHEPWAL\0"
 *  8     4    format version (1)
 * 12     4    header length in bytes (32)
 * 16     8    base position: the log position of the segment's first record
 * 24     4    reserved, zero
 * 28     4    CRC32C of bytes 0..27
 * </pre>
 *
 * All integers are big-endian. The header is written and forced before the segment gets its final name,
 * so a segment under its final name with a bad header is corruption, never a torn write.
 */
final class SegmentHeader {

    static final int BYTES = 32;
    static final long MAGIC = 0x5348_4550_5741_4C00L; // "SHEPWAL\0"
    static final int VERSION = 1;

    private SegmentHeader() {}

    static ByteBuffer encode(long basePosition) {
        ByteBuffer header = ByteBuffer.allocate(BYTES);
        header.putLong(MAGIC).putInt(VERSION).putInt(BYTES).putLong(basePosition).putInt(0);
        header.putInt(crc(header, 0, 28));
        return header.flip();
    }

    /**
     * Checks a header read from {@code file} and returns its base position.
     *
     * @throws CorruptLogException naming the file if any field is wrong
     */
    static long decode(ByteBuffer header, Path file) {
        if (header.remaining() < BYTES) {
            throw new CorruptLogException(file, header.remaining(), "segment file is " + header.remaining()
                    + " bytes long, shorter than its " + BYTES + "-byte header");
        }
        int start = header.position();
        int storedCrc = header.getInt(start + 28);
        int computedCrc = crc(header, start, start + 28);
        if (storedCrc != computedCrc) {
            throw new CorruptLogException(file, 0, String.format(
                    "segment header checksum mismatch (stored %08x, computed %08x)", storedCrc, computedCrc));
        }
        if (header.getLong(start) != MAGIC) {
            throw new CorruptLogException(file, 0, "not a Shepherd WAL segment (bad magic)");
        }
        int version = header.getInt(start + 8);
        if (version != VERSION) {
            throw new CorruptLogException(file, 8, "segment format version " + version
                    + " is not supported (this build reads version " + VERSION + ")");
        }
        if (header.getInt(start + 12) != BYTES) {
            throw new CorruptLogException(file, 12, "segment header length " + header.getInt(start + 12)
                    + " is not " + BYTES);
        }
        return header.getLong(start + 16);
    }

    private static int crc(ByteBuffer bytes, int from, int to) {
        CRC32C crc = new CRC32C();
        crc.update(bytes.duplicate().limit(to).position(from));
        return (int) crc.getValue();
    }
}
