package io.shepherd.testkit.sim;

import java.util.ArrayList;
import java.util.List;

/**
 * The most recent events and notes of a simulation, kept in a ring of fixed capacity.
 *
 * <p>Bounded because a simulation may run millions of events and only the lead-up to a failure is
 * worth reading; raise {@link SimLimits#traceCapacity()} when the lead-up is longer than the default.
 */
public final class EventTrace {

    private final TraceEntry[] ring;
    private long recorded;

    EventTrace(int capacity) {
        this.ring = new TraceEntry[capacity];
    }

    void record(TraceEntry entry) {
        if (ring.length == 0) {
            return;
        }
        ring[(int) (recorded % ring.length)] = entry;
        recorded++;
    }

    /** How many entries were ever recorded, including those the ring has since dropped. */
    public long recorded() {
        return recorded;
    }

    /** The entries still held, oldest first. */
    public List<TraceEntry> entries() {
        int held = (int) Math.min(recorded, ring.length);
        List<TraceEntry> entries = new ArrayList<>(held);
        for (long i = recorded - held; i < recorded; i++) {
            entries.add(ring[(int) (i % ring.length)]);
        }
        return entries;
    }

    /** The held entries, one per line, oldest first, each line indented by two spaces. */
    public String render() {
        StringBuilder text = new StringBuilder();
        for (TraceEntry entry : entries()) {
            text.append("  ").append(entry).append('\n');
        }
        return text.toString();
    }
}
