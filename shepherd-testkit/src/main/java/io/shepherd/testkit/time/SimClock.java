package io.shepherd.testkit.time;

import io.shepherd.common.Clock;

/**
 * A {@link Clock} whose time moves only when the simulation moves it.
 *
 * <p>{@link #nanoTime()} starts at zero and is exactly the simulated time that traces and fault plans
 * print, so a reading taken by protocol code can be matched against a failure report by eye.
 * {@link #currentTimeMillis()} is the same instant seen from a fixed epoch origin, so that wall-clock
 * timestamps are also reproducible from run to run.
 *
 * <p>Time never goes backwards: {@link #advanceTo} refuses an earlier instant, because a protocol that
 * measured an interval across such a jump would see a negative duration no real monotonic clock gives.
 * In a simulation the {@link io.shepherd.testkit.sim.SimScheduler} owns its clock and is the only
 * caller of the advancing methods; a unit test of a single state machine may own a bare clock and
 * advance it by hand.
 *
 * <p>Not thread-safe: a simulation runs on one thread.
 */
public final class SimClock implements Clock {

    /** 2025-01-01T00:00:00Z: a fixed origin, so wall-clock readings are the same on every run. */
    public static final long DEFAULT_EPOCH_MILLIS = 1_735_689_600_000L;

    private final long epochMillisAtZero;
    private long nowNs;

    /** A clock at simulated time zero, showing {@link #DEFAULT_EPOCH_MILLIS} as wall-clock time. */
    public SimClock() {
        this(DEFAULT_EPOCH_MILLIS);
    }

    /** A clock at simulated time zero, showing {@code epochMillisAtZero} as wall-clock time. */
    public SimClock(long epochMillisAtZero) {
        this.epochMillisAtZero = epochMillisAtZero;
    }

    @Override
    public long nanoTime() {
        return nowNs;
    }

    @Override
    public long currentTimeMillis() {
        return epochMillisAtZero + Math.floorDiv(nowNs, 1_000_000L);
    }

    /**
     * Moves time forward to {@code timeNs}; moving to the present instant is allowed and does nothing.
     *
     * @throws IllegalArgumentException if {@code timeNs} is earlier than the present
     */
    public void advanceTo(long timeNs) {
        if (timeNs < nowNs) {
            throw new IllegalArgumentException("simulated time cannot go backwards: now "
                    + SimTime.format(nowNs) + ", asked for " + SimTime.format(timeNs));
        }
        nowNs = timeNs;
    }

    /**
     * Moves time forward by {@code durationNs}.
     *
     * @throws IllegalArgumentException if {@code durationNs} is negative or the sum overflows
     */
    public void advanceBy(long durationNs) {
        if (durationNs < 0) {
            throw new IllegalArgumentException("cannot advance by a negative duration: " + durationNs + "ns");
        }
        advanceTo(Math.addExact(nowNs, durationNs));
    }

    @Override
    public String toString() {
        return "SimClock[" + SimTime.format(nowNs) + "]";
    }
}
