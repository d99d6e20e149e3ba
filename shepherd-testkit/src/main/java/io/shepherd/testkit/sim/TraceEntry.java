package io.shepherd.testkit.sim;

import io.shepherd.testkit.time.SimTime;

/**
 * One line of a simulation trace: an event that ran, or a note recorded while it ran.
 *
 * <p>The label is kept as the object the caller passed and turned into text only when the trace is
 * printed, so a simulation that never fails never pays for formatting millions of labels. Labels
 * should therefore be immutable (records, strings): a mutable label would print its state at the
 * time of the failure, not at the time of the event.
 *
 * @param eventIndex the 1-based number of the event that ran or during which the note was made
 * @param timeNs the simulated time
 * @param note false for an event that ran, true for a note made while one ran
 * @param label what happened
 */
public record TraceEntry(long eventIndex, long timeNs, boolean note, Object label) {

    @Override
    public String toString() {
        String head = note ? "     .  " : "#" + eventIndex + " ";
        return head + SimTime.format(timeNs) + "  " + label;
    }
}
