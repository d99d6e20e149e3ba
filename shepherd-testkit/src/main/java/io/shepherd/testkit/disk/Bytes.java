package io.shepherd.testkit.disk;

import java.nio.ByteBuffer;
import java.util.Arrays;

/** A growable byte array with a length: the contents of one simulated file, as cached or as durable. */
final class Bytes {

    private byte[] data;
    private int length;

    Bytes() {
        this(new byte[64], 0);
    }

    private Bytes(byte[] data, int length) {
        this.data = data;
        this.length = length;
    }

    int length() {
        return length;
    }

    Bytes copy() {
        return new Bytes(Arrays.copyOf(data, Math.max(length, 16)), length);
    }

    byte[] toArray() {
        return Arrays.copyOf(data, length);
    }

    /** Writes {@code count} bytes at {@code position}; a gap before it reads as zeros. */
    void write(long position, byte[] src, int offset, int count) {
        int end = checkedEnd(position, count);
        ensureCapacity(end);
        if (position > length) {
            Arrays.fill(data, length, (int) position, (byte) 0);
        }
        System.arraycopy(src, offset, data, (int) position, count);
        length = Math.max(length, end);
    }

    void truncate(long size) {
        if (size < length) {
            Arrays.fill(data, (int) size, length, (byte) 0);
            length = (int) size;
        }
    }

    /** Reads into {@code dst} from {@code position}; returns the count, or -1 at or past the end. */
    int read(ByteBuffer dst, long position) {
        if (position >= length) {
            return -1;
        }
        int n = (int) Math.min(dst.remaining(), length - position);
        dst.put(data, (int) position, n);
        return n;
    }

    void flipBit(long offset, int bit) {
        if (offset < 0 || offset >= length) {
            throw new IllegalArgumentException("offset " + offset + " is outside the file's " + length + " bytes");
        }
        data[(int) offset] ^= (byte) (1 << bit);
    }

    private static int checkedEnd(long position, int count) {
        long end = position + count;
        if (position < 0 || end > Integer.MAX_VALUE - 16) {
            throw new IllegalArgumentException("a simulated file holds at most 2 GiB; write at " + position);
        }
        return (int) end;
    }

    private void ensureCapacity(int needed) {
        if (needed > data.length) {
            data = Arrays.copyOf(data, Math.max(needed, (int) Math.min(Integer.MAX_VALUE - 16, data.length * 2L)));
        }
    }
}
