package io.shepherd.wal;

import java.util.Arrays;
import java.util.List;

/**
 * The base positions of the log's segments, in order, shared between the writer (which changes it on
 * roll and truncation) and readers (which look positions up). Segments are contiguous: a segment ends
 * where the next begins, and the last ends at the log's end. Copy-on-write, so lookups take no lock.
 */
final class SegmentTable {

    private volatile long[] bases;

    SegmentTable(List<Long> bases) {
        this.bases = bases.stream().mapToLong(Long::longValue).toArray();
    }

    long first() {
        return bases[0];
    }

    long last() {
        long[] b = bases;
        return b[b.length - 1];
    }

    int size() {
        return bases.length;
    }

    long[] snapshot() {
        return bases;
    }

    /** The base of the segment holding {@code position} (the greatest base <= it), or -1 if before the first. */
    long baseFor(long position) {
        long[] b = bases;
        int i = Arrays.binarySearch(b, position);
        if (i >= 0) {
            return b[i];
        }
        int insertion = -i - 1;
        return insertion == 0 ? -1 : b[insertion - 1];
    }

    /** The base of the segment after the one starting at {@code base}, or -1 if it is the last. */
    long nextBase(long base) {
        long[] b = bases;
        int i = Arrays.binarySearch(b, base);
        return i >= 0 && i + 1 < b.length ? b[i + 1] : -1;
    }

    synchronized void append(long base) {
        long[] b = Arrays.copyOf(bases, bases.length + 1);
        b[b.length - 1] = base;
        bases = b;
    }

    synchronized void removeFirst() {
        bases = Arrays.copyOfRange(bases, 1, bases.length);
    }

    synchronized void removeLast() {
        bases = Arrays.copyOf(bases, bases.length - 1);
    }
}
