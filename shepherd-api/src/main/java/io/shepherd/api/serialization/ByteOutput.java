package io.shepherd.api.serialization;

import java.util.Arrays;
import java.util.Objects;

/**
 * A growable buffer that serializers write to. Fixed-width values are little-endian; variable
 * length integers are LEB128 (seven bits a byte, low bits first), with zig-zag for the signed
 * variants so that small negative numbers stay short.
 *
 * <p>Not thread-safe: one output belongs to one thread at a time. Reuse it with {@link #reset()}
 * rather than allocating one per value; the backing array is kept.
 *
 * <p>Limits: an output holds at most {@link #MAX_CAPACITY} bytes; growing past it fails with a
 * {@link SerializationException} rather than an {@link OutOfMemoryError} from an impossible array.
 */
public final class ByteOutput {
    /** The largest array the JVM will reliably allocate. */
    public static final int MAX_CAPACITY = Integer.MAX_VALUE - 8;

    private static final int DEFAULT_CAPACITY = 256;

    private byte[] buffer;
    private int position;

    public ByteOutput() {
        this(DEFAULT_CAPACITY);
    }

    public ByteOutput(int initialCapacity) {
        if (initialCapacity < 0 || initialCapacity > MAX_CAPACITY) {
            throw new IllegalArgumentException("initial capacity must be in [0, " + MAX_CAPACITY + "], got "
                    + initialCapacity);
        }
        this.buffer = new byte[initialCapacity];
    }

    /** How many bytes have been written since the last {@link #reset()}. */
    public int position() {
        return position;
    }

    /** Forgets what was written; the next write starts at position 0 of the same array. */
    public void reset() {
        position = 0;
    }

    /** A copy of the bytes written so far. */
    public byte[] toByteArray() {
        return Arrays.copyOf(buffer, position);
    }

    /**
     * The backing array, valid from 0 to {@link #position()}, without a copy. It is replaced when
     * the output grows, and overwritten after {@link #reset()}: use it before the next write.
     */
    public byte[] array() {
        return buffer;
    }

    public void writeByte(int value) {
        ensure(1);
        buffer[position++] = (byte) value;
    }

    /** One byte: 1 for true, 0 for false. */
    public void writeBoolean(boolean value) {
        writeByte(value ? 1 : 0);
    }

    public void writeShort(int value) {
        ensure(Short.BYTES);
        LittleEndian.SHORT.set(buffer, position, (short) value);
        position += Short.BYTES;
    }

    public void writeChar(int value) {
        ensure(Character.BYTES);
        LittleEndian.CHAR.set(buffer, position, (char) value);
        position += Character.BYTES;
    }

    public void writeInt(int value) {
        ensure(Integer.BYTES);
        LittleEndian.INT.set(buffer, position, value);
        position += Integer.BYTES;
    }

    public void writeLong(long value) {
        ensure(Long.BYTES);
        LittleEndian.LONG.set(buffer, position, value);
        position += Long.BYTES;
    }

    /** The raw bits, so every NaN payload and the sign of zero survive. */
    public void writeFloat(float value) {
        writeInt(Float.floatToRawIntBits(value));
    }

    /** The raw bits, so every NaN payload and the sign of zero survive. */
    public void writeDouble(double value) {
        writeLong(Double.doubleToRawLongBits(value));
    }

    /** One to five bytes; treats {@code value} as unsigned, so negative values take five. */
    public void writeVarInt(int value) {
        ensure(5);
        while ((value & ~0x7F) != 0) {
            buffer[position++] = (byte) ((value & 0x7F) | 0x80);
            value >>>= 7;
        }
        buffer[position++] = (byte) value;
    }

    /** One to ten bytes; treats {@code value} as unsigned, so negative values take ten. */
    public void writeVarLong(long value) {
        ensure(10);
        while ((value & ~0x7FL) != 0) {
            buffer[position++] = (byte) ((value & 0x7F) | 0x80);
            value >>>= 7;
        }
        buffer[position++] = (byte) value;
    }

    /** Zig-zag, then {@link #writeVarInt}: values near zero, of either sign, take one byte. */
    public void writeSignedVarInt(int value) {
        writeVarInt((value << 1) ^ (value >> 31));
    }

    /** Zig-zag, then {@link #writeVarLong}: values near zero, of either sign, take one byte. */
    public void writeSignedVarLong(long value) {
        writeVarLong((value << 1) ^ (value >> 63));
    }

    /** The bytes as they are, without a length; the reader must know how many to read. */
    public void writeBytes(byte[] bytes) {
        writeBytes(bytes, 0, bytes.length);
    }

    /** {@code length} bytes from {@code offset}, without a length prefix. */
    public void writeBytes(byte[] bytes, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, bytes.length);
        ensure(length);
        System.arraycopy(bytes, offset, buffer, position, length);
        position += length;
    }

    /**
     * The UTF-8 length in bytes as a {@link #writeVarInt var-int}, then the UTF-8 bytes. Every
     * Java string round-trips exactly, lone surrogates included (see {@link ByteInput#readString()}).
     */
    public void writeString(String value) {
        long encoded = Utf8.encodedLength(value);
        if (encoded > MAX_CAPACITY) {
            throw new SerializationException("a string of " + value.length() + " chars needs " + encoded
                    + " bytes of UTF-8, more than one output holds (" + MAX_CAPACITY + ")");
        }
        int bytes = (int) encoded;
        writeVarInt(bytes);
        ensure(bytes);
        position = Utf8.encode(value, bytes, buffer, position);
    }

    /**
     * Makes room for {@code bytes} bytes and advances past them, returning where they start in
     * {@link #array()}; for serializers that fill a block in one loop (primitive arrays).
     */
    int claim(long bytes) {
        if (bytes > MAX_CAPACITY) {
            throw new SerializationException("cannot write a block of " + bytes + " bytes: an output holds at most "
                    + MAX_CAPACITY + " bytes; split the value");
        }
        ensure((int) bytes);
        int at = position;
        position += (int) bytes;
        return at;
    }

    /** Makes room for {@code bytes} more bytes, growing by doubling. */
    private void ensure(int bytes) {
        if (bytes > buffer.length - position) {
            grow(bytes);
        }
    }

    private void grow(int bytes) {
        long needed = (long) position + bytes;
        if (needed > MAX_CAPACITY) {
            throw new SerializationException("cannot write " + bytes + " more bytes at position " + position
                    + ": an output holds at most " + MAX_CAPACITY + " bytes; split the value");
        }
        long doubled = Math.max(16L, 2L * buffer.length);
        buffer = Arrays.copyOf(buffer, (int) Math.min(MAX_CAPACITY, Math.max(doubled, needed)));
    }
}
