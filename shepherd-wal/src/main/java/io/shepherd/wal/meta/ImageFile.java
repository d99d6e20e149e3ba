package io.shepherd.wal.meta;

import io.shepherd.wal.CorruptLogException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.zip.CRC32C;

/**
 * One image file, {@code image-<txid, 20 digits>.img} (see {@code docs/wal-format.md}):
 *
 * <pre>
 * offset size field
 *  0     8    magic "SHEPIMG\0"
 *  8     4    format version (1)
 * 12     4    header length (40)
 * 16     8    txid: the last edit the image includes
 * 24     8    log position right after that edit: where replay starts
 * 32     8    payload length n
 * 40     n    payload: StateMachine.writeImage()
 * 40+n   4    CRC32C of bytes 0 .. 40+n
 * </pre>
 *
 * The trailing checksum covers everything, so an image cut short or damaged anywhere is rejected whole.
 *
 * @param txid the last edit the image includes
 * @param logPosition where replay of later edits starts
 * @param payload the state machine's image bytes
 */
record ImageFile(long txid, long logPosition, byte[] payload) {

    static final long MAGIC = 0x5348_4550_494D_4700L; // "SHEPIMG\0"
    static final int VERSION = 1;
    static final int HEADER_BYTES = 40;
    static final String PREFIX = "image-";
    static final String SUFFIX = ".img";
    private static final int DIGITS = 20;

    static String name(long txid) {
        return PREFIX + String.format("%0" + DIGITS + "d", txid) + SUFFIX;
    }

    /** The txid an image file name stands for, or -1 if it is not an image name. */
    static long parseTxid(String fileName) {
        if (!fileName.startsWith(PREFIX) || !fileName.endsWith(SUFFIX)
                || fileName.length() != PREFIX.length() + DIGITS + SUFFIX.length()) {
            return -1;
        }
        String digits = fileName.substring(PREFIX.length(), PREFIX.length() + DIGITS);
        if (!digits.chars().allMatch(Character::isDigit)) {
            return -1;
        }
        try {
            return Long.parseLong(digits);
        } catch (NumberFormatException tooLarge) {
            return -1;
        }
    }

    ByteBuffer encode() {
        ByteBuffer buffer = ByteBuffer.allocate(HEADER_BYTES + payload.length + 4);
        buffer.putLong(MAGIC).putInt(VERSION).putInt(HEADER_BYTES).putLong(txid).putLong(logPosition)
                .putLong(payload.length).put(payload);
        buffer.putInt(crc(buffer, buffer.position()));
        return buffer.flip();
    }

    /**
     * Decodes and checks the bytes of {@code file}.
     *
     * @throws CorruptLogException naming the file and offset if anything is wrong
     */
    static ImageFile decode(ByteBuffer bytes, Path file, long txidFromName) {
        int size = bytes.remaining();
        if (size < HEADER_BYTES + 4) {
            throw new CorruptLogException(file, size, "image is " + size + " bytes, shorter than header and checksum");
        }
        long length = bytes.getLong(32);
        if (length < 0 || length != size - HEADER_BYTES - 4) {
            throw new CorruptLogException(file, 32, "payload length " + length + " does not match the file size "
                    + size + " (a cut or damaged image)");
        }
        int stored = bytes.getInt(size - 4);
        int computed = crc(bytes, size - 4);
        if (stored != computed) {
            throw new CorruptLogException(file, size - 4,
                    String.format("image checksum mismatch (stored %08x, computed %08x)", stored, computed));
        }
        if (bytes.getLong(0) != MAGIC || bytes.getInt(8) != VERSION || bytes.getInt(12) != HEADER_BYTES) {
            throw new CorruptLogException(file, 0, "not a version " + VERSION + " Shepherd image (bad magic or header)");
        }
        long txid = bytes.getLong(16);
        if (txid != txidFromName) {
            throw new CorruptLogException(file, 16, "image says txid " + txid + " but its name says " + txidFromName);
        }
        byte[] payload = new byte[(int) length];
        bytes.get(HEADER_BYTES, payload);
        return new ImageFile(txid, bytes.getLong(24), payload);
    }

    private static int crc(ByteBuffer bytes, int end) {
        CRC32C crc = new CRC32C();
        crc.update(bytes.duplicate().limit(end).position(0));
        return (int) crc.getValue();
    }
}
