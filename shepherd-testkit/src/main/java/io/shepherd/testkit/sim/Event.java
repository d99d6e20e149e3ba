package io.shepherd.testkit.sim;

/**
 * One scheduled action, ordered by due time, then by a seeded random tie-break, then by the order
 * it was scheduled in.
 *
 * <p>The random tie-break is what makes same-instant events explore interleavings: two messages that
 * arrive at the same nanosecond run in an order the seed chooses, not the order the test happened to
 * schedule them in. The sequence number makes the order total, so that a collision of two 64-bit
 * tie-breaks still cannot make the order depend on the queue's internals.
 */
final class Event implements Timer, Comparable<Event> {

    private final EventQueue queue;
    final long dueNs;
    final long tieBreak;
    final long sequence;
    final Object label;
    final Runnable action;
    private boolean pending = true;

    Event(EventQueue queue, long dueNs, long tieBreak, long sequence, Object label, Runnable action) {
        this.queue = queue;
        this.dueNs = dueNs;
        this.tieBreak = tieBreak;
        this.sequence = sequence;
        this.label = label;
        this.action = action;
    }

    @Override
    public boolean cancel() {
        if (!pending) {
            return false;
        }
        pending = false;
        queue.cancelled();
        return true;
    }

    @Override
    public boolean isPending() {
        return pending;
    }

    @Override
    public long dueNs() {
        return dueNs;
    }

    /** Marks the event as taken off the queue to run; it can no longer be cancelled. */
    void markRun() {
        pending = false;
    }

    @Override
    public int compareTo(Event other) {
        int byTime = Long.compare(dueNs, other.dueNs);
        if (byTime != 0) {
            return byTime;
        }
        int byTieBreak = Long.compare(tieBreak, other.tieBreak);
        return byTieBreak != 0 ? byTieBreak : Long.compare(sequence, other.sequence);
    }

    @Override
    public String toString() {
        return String.valueOf(label);
    }
}
