package io.shepherd.testkit.sim;

import io.shepherd.testkit.time.SimTime;

/**
 * The bounds a simulation runs within; crossing one fails the run with a
 * {@link SimulationLimitExceeded} that names the limit.
 *
 * <p>Every simulation has an end even when the protocol under test has none: a livelock (two
 * candidates forever pre-empting each other), a message storm (each message answered by two), or a
 * timer that re-arms itself at the same instant would otherwise hang the test instead of failing it.
 *
 * @param maxEvents events one scheduler may run in total
 * @param maxTimeNs the simulated time no event may be scheduled to run after
 * @param maxEventsPerInstant events that may run in a row without simulated time moving, which
 *     catches zero-delay loops that {@code maxTimeNs} cannot see
 * @param maxPendingEvents events that may wait in the queue at once, which catches message storms
 *     before they exhaust the heap
 * @param traceCapacity how many of the most recent events the trace keeps for failure reports
 */
public record SimLimits(
        long maxEvents, long maxTimeNs, int maxEventsPerInstant, int maxPendingEvents, int traceCapacity) {

    /** Generous enough for any protocol test that terminates; tighten them per test where useful. */
    public static final SimLimits DEFAULT = new SimLimits(5_000_000L, SimTime.seconds(3_600), 100_000, 1_000_000, 64);

    public SimLimits {
        if (maxEvents < 1 || maxTimeNs < 0 || maxEventsPerInstant < 1 || maxPendingEvents < 1 || traceCapacity < 0) {
            throw new IllegalArgumentException("limits must be positive (trace capacity may be zero): maxEvents="
                    + maxEvents + " maxTimeNs=" + maxTimeNs + " maxEventsPerInstant=" + maxEventsPerInstant
                    + " maxPendingEvents=" + maxPendingEvents + " traceCapacity=" + traceCapacity);
        }
    }

    public SimLimits withMaxEvents(long value) {
        return new SimLimits(value, maxTimeNs, maxEventsPerInstant, maxPendingEvents, traceCapacity);
    }

    public SimLimits withMaxTimeNs(long value) {
        return new SimLimits(maxEvents, value, maxEventsPerInstant, maxPendingEvents, traceCapacity);
    }

    public SimLimits withMaxEventsPerInstant(int value) {
        return new SimLimits(maxEvents, maxTimeNs, value, maxPendingEvents, traceCapacity);
    }

    public SimLimits withMaxPendingEvents(int value) {
        return new SimLimits(maxEvents, maxTimeNs, maxEventsPerInstant, value, traceCapacity);
    }

    public SimLimits withTraceCapacity(int value) {
        return new SimLimits(maxEvents, maxTimeNs, maxEventsPerInstant, maxPendingEvents, value);
    }
}
