package io.shepherd.runtime.ack;

/**
 * The committed position of a source subtask: every record emitted below it has completed, like a Kafka
 * consumer's committed offset. A restart resumes reading at it; records completed beyond it are read again.
 *
 * <p>A ring of the positions emitted and not yet passed, in emit order, with a done flag each: completing
 * one marks it, and the committed position moves past the longest done prefix. Positions must increase
 * with each record (offsets, byte positions, sequence numbers). A replay keeps its record's place. The ring
 * holds at most {@code limit} records: one record that is stuck holds back everything emitted after it, so
 * the source stops emitting when the ring is full ({@link PendingRoots#canEmit}). Not thread-safe.
 */
final class CompletionWatermark {
    private final int limit;
    private final int slack;
    private final long[] positions;
    private final boolean[] done;
    private final int mask;
    /** Sequence numbers, in emit order, of the oldest record not passed yet and of the next one. */
    private long head;
    private long tail;
    private long committed;
    private boolean emittedAny;
    private long lastPosition;

    CompletionWatermark(int limit, long startPosition) {
        this(limit, 0, startPosition);
    }

    /** @param slack records {@link #add} still takes once {@link #isFull} (a poll that started may finish) */
    CompletionWatermark(int limit, int slack, long startPosition) {
        this.limit = limit;
        this.slack = slack;
        int capacity = Integer.highestOneBit(Math.max(1, limit + slack - 1)) << 1;
        this.positions = new long[capacity];
        this.done = new boolean[capacity];
        this.mask = capacity - 1;
        this.committed = startPosition;
    }

    boolean isFull() {
        return tail - head >= limit;
    }

    /** Full even counting the slack: {@link #add} would fail. */
    boolean isFullWithSlack() {
        return tail - head >= limit + slack;
    }

    /** Records an emitted position; returns its place in the ring, for {@link #complete}. */
    int add(long position) {
        if (emittedAny ? position <= lastPosition : position < committed) {
            throw new IllegalArgumentException("positions must increase with each record: got " + position
                    + " after " + (emittedAny ? lastPosition : committed));
        }
        if (isFullWithSlack()) {
            throw new IllegalStateException(limit + slack + " records are uncommitted already");
        }
        int slot = (int) tail & mask;
        positions[slot] = position;
        done[slot] = false;
        tail++;
        emittedAny = true;
        lastPosition = position;
        return slot;
    }

    /** Marks the record at {@code slot} complete and moves the committed position past any done prefix. */
    void complete(int slot) {
        done[slot] = true;
        while (head < tail && done[(int) head & mask]) {
            committed = positions[(int) head & mask] + 1;
            head++;
        }
    }

    /** Every record emitted below this position has completed. */
    long committed() {
        return committed;
    }

    /** How many records are emitted and not yet passed by the committed position. */
    int uncommitted() {
        return (int) (tail - head);
    }
}
