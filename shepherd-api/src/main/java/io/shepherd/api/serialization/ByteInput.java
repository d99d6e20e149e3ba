package io.shepherd.api.serialization;

import java.util.Objects;

/**
 * Reads what a {@link ByteOutput} wrote, from a region of a {@code byte[]}.
 *
 * <p>Every read is bounds-checked against the region: running past its end throws a
 * {@link SerializationException} that names the position, never an
 * {@link ArrayIndexOutOfBoundsException}. A length read from the input is checked against what
 * remains before anything is allocated, so a corrupt length cannot ask for gigabytes.
 * Positions are counted from the start of the region.
 *
 * <p>Not thread-safe: one input belongs to one thread at a time.
 */
public final class ByteInput {
    private final byte[] buffer;
    private final int start;
    private final int limit;
    private int position;

    /** Reads all of {@code bytes}. */
    public ByteInput(byte[] bytes) {
        this(bytes, 0, bytes.length);
    }

    /** Reads {@code length} bytes of {@code bytes} from {@code offset}. */
    public ByteInput(byte[] bytes, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, bytes.length);
        this.buffer = bytes;
        this.start = offset;
        this.limit = offset + length;
        this.position = offset;
    }

    /** How many bytes have been read, i.e. the position of the next byte within the region. */
    public int position() {
        return position - start;
    }

    public int remaining() {
        return limit - position;
    }

    public boolean hasRemaining() {
        return position < limit;
    }

    public byte readByte() {
        require(1, "a byte");
        return buffer[position++];
    }

    /** Accepts only 0 and 1, which is all {@link ByteOutput#writeBoolean} writes. */
    public boolean readBoolean() {
        int at = position();
        byte b = readByte();
        if (b == 0 || b == 1) {
            return b == 1;
        }
        throw invalidAt(at, "a boolean must be 0 or 1, found " + b);
    }

    public short readShort() {
        require(Short.BYTES, "a short");
        short value = (short) LittleEndian.SHORT.get(buffer, position);
        position += Short.BYTES;
        return value;
    }

    public char readChar() {
        require(Character.BYTES, "a char");
        char value = (char) LittleEndian.CHAR.get(buffer, position);
        position += Character.BYTES;
        return value;
    }

    public int readInt() {
        require(Integer.BYTES, "an int");
        int value = (int) LittleEndian.INT.get(buffer, position);
        position += Integer.BYTES;
        return value;
    }

    public long readLong() {
        require(Long.BYTES, "a long");
        long value = (long) LittleEndian.LONG.get(buffer, position);
        position += Long.BYTES;
        return value;
    }

    public float readFloat() {
        return Float.intBitsToFloat(readInt());
    }

    public double readDouble() {
        return Double.longBitsToDouble(readLong());
    }

    /** Reads what {@link ByteOutput#writeVarInt} wrote; more than five bytes, or overflow, is corrupt. */
    public int readVarInt() {
        if (position < limit && buffer[position] >= 0) {
            return buffer[position++]; // one byte: the common case for lengths and ordinals
        }
        int at = position;
        int value = 0;
        for (int shift = 0; shift < 35; shift += 7) {
            if (position >= limit) {
                throw truncatedVarNumber("var-int", at);
            }
            byte b = buffer[position++];
            value |= (b & 0x7F) << shift;
            if (b >= 0) {
                if (shift == 28 && b > 0x0F) {
                    throw invalidAt(at - start, "a var-int overflows 32 bits");
                }
                return value;
            }
        }
        throw invalidAt(at - start, "a var-int is longer than 5 bytes");
    }

    /** Reads what {@link ByteOutput#writeVarLong} wrote; more than ten bytes, or overflow, is corrupt. */
    public long readVarLong() {
        if (position < limit && buffer[position] >= 0) {
            return buffer[position++];
        }
        int at = position;
        long value = 0;
        for (int shift = 0; shift < 70; shift += 7) {
            if (position >= limit) {
                throw truncatedVarNumber("var-long", at);
            }
            byte b = buffer[position++];
            value |= (long) (b & 0x7F) << shift;
            if (b >= 0) {
                if (shift == 63 && b > 0x01) {
                    throw invalidAt(at - start, "a var-long overflows 64 bits");
                }
                return value;
            }
        }
        throw invalidAt(at - start, "a var-long is longer than 10 bytes");
    }

    public int readSignedVarInt() {
        int raw = readVarInt();
        return (raw >>> 1) ^ -(raw & 1);
    }

    public long readSignedVarLong() {
        long raw = readVarLong();
        return (raw >>> 1) ^ -(raw & 1);
    }

    /**
     * Reads a count written with {@link ByteOutput#writeVarInt} (a length, a number of elements)
     * and checks it is not negative.
     */
    public int readLength() {
        int at = position();
        int length = readVarInt();
        if (length < 0) {
            throw invalidAt(at, "a length must not be negative, found " + length);
        }
        return length;
    }

    /** Reads exactly {@code length} bytes into a new array. */
    public byte[] readBytes(int length) {
        byte[] bytes = new byte[checkAvailable(length, "a run of bytes")];
        System.arraycopy(buffer, position, bytes, 0, length);
        position += length;
        return bytes;
    }

    /** Reads exactly {@code length} bytes into {@code target} from {@code offset}. */
    public void readBytes(byte[] target, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, target.length);
        require(length, "bytes");
        System.arraycopy(buffer, position, target, offset, length);
        position += length;
    }

    /** Reads what {@link ByteOutput#writeString} wrote; malformed UTF-8 is an error naming its position. */
    public String readString() {
        int length = checkAvailable(readLength(), "the UTF-8 of a string");
        String value = Utf8.decode(buffer, position, length, position());
        position += length;
        return value;
    }

    /**
     * Checks that {@code bytes} more bytes remain, for a serializer about to allocate room for
     * what a length promised; returns {@code bytes}.
     *
     * @param what what the bytes are, for the message, e.g. {@code "long[]"}; a constant, as it is
     *     passed on every read
     */
    public int checkAvailable(long bytes, String what) {
        if (bytes < 0 || bytes > remaining()) {
            throw new SerializationException("truncated input: " + what + " needs " + bytes + " bytes at position "
                    + position() + ", but only " + remaining() + " remain");
        }
        return (int) bytes;
    }

    /**
     * Checks that {@code bytes} remain and advances past them, returning where they start in
     * {@link #array()}; for serializers that read a block in one loop (primitive arrays).
     */
    int consume(long bytes, String what) {
        checkAvailable(bytes, what);
        int at = position;
        position += (int) bytes;
        return at;
    }

    /** The backing array; offsets from {@link #consume} index into it. */
    byte[] array() {
        return buffer;
    }

    /**
     * An error for input that is present but wrong (an unknown tag, an out-of-range ordinal), naming
     * the current position, i.e. just after what was read. For serializers to throw.
     */
    public SerializationException invalid(String reason) {
        return invalidAt(position(), reason);
    }

    /** As {@link #invalid(String)}, naming {@code at}, a {@link #position()} taken before reading. */
    public SerializationException invalidAt(int at, String reason) {
        return new SerializationException("corrupt input at position " + at + ": " + reason);
    }

    private void require(int bytes, String what) {
        if (bytes > limit - position) {
            throw new SerializationException("truncated input: " + what + " needs " + bytes + " bytes at position "
                    + position() + ", but only " + remaining() + " remain");
        }
    }

    private SerializationException truncatedVarNumber(String what, int at) {
        return new SerializationException("truncated input: a " + what + " starting at position " + (at - start)
                + " runs past the end of the input at position " + (limit - start));
    }
}
