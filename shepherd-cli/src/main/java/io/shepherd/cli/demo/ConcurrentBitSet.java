package io.shepherd.cli.demo;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * A fixed-size set of bits that several threads set at once without locks: one bit per possible
 * element, so millions of elements cost a few hundred kilobytes.
 */
final class ConcurrentBitSet {
    private final long size;
    private final AtomicLongArray words;

    ConcurrentBitSet(long size) {
        if (size < 0 || (size + 63) / 64 > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("bit set size must be in 0.." + 64L * Integer.MAX_VALUE + ", got " + size);
        }
        this.size = size;
        this.words = new AtomicLongArray((int) ((size + 63) / 64));
    }

    long size() {
        return size;
    }

    /** Sets the bit; true if this call set it, false if it was set already. */
    boolean add(long index) {
        checkIndex(index);
        int word = (int) (index >>> 6);
        long mask = 1L << index;
        long old = words.get(word);
        while ((old & mask) == 0) {
            long witness = words.compareAndExchange(word, old, old | mask);
            if (witness == old) {
                return true;
            }
            old = witness;
        }
        return false;
    }

    boolean contains(long index) {
        checkIndex(index);
        return (words.get((int) (index >>> 6)) & (1L << index)) != 0;
    }

    void remove(long index) {
        checkIndex(index);
        int word = (int) (index >>> 6);
        long mask = 1L << index;
        long old = words.get(word);
        while ((old & mask) != 0) {
            long witness = words.compareAndExchange(word, old, old & ~mask);
            if (witness == old) {
                return;
            }
            old = witness;
        }
    }

    /** The number of bits set. */
    long cardinality() {
        long count = 0;
        for (int i = 0; i < words.length(); i++) {
            count += Long.bitCount(words.get(i));
        }
        return count;
    }

    /** The first set bit at or after {@code from}, or -1 if there is none. */
    long nextSetBit(long from) {
        return next(from, false);
    }

    /** The first clear bit at or after {@code from} and below {@link #size()}, or -1 if there is none. */
    long nextClearBit(long from) {
        return next(from, true);
    }

    private long next(long from, boolean clear) {
        if (from < 0) {
            throw new IndexOutOfBoundsException("from must be >= 0, got " + from);
        }
        if (from >= size) {
            return -1;
        }
        int word = (int) (from >>> 6);
        long bits = (clear ? ~words.get(word) : words.get(word)) & (-1L << from);
        while (true) {
            if (bits != 0) {
                long index = (long) word * 64 + Long.numberOfTrailingZeros(bits);
                return index < size ? index : -1;
            }
            if (++word == words.length()) {
                return -1;
            }
            bits = clear ? ~words.get(word) : words.get(word);
        }
    }

    private void checkIndex(long index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException("bit " + index + " is outside 0.." + (size - 1));
        }
    }
}
