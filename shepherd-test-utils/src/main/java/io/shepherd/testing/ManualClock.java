package io.shepherd.testing;

import io.shepherd.common.Clock;

/**
 * A {@link Clock} that stands still until the test moves it, so processing time is part of the
 * test's script rather than of the machine's speed.
 *
 * <p>Both readings come from one millisecond counter: {@link #nanoTime()} is that counter in
 * nanoseconds, so intervals measured against either reading agree. Time never goes backwards, as
 * with a real monotonic clock. Thread-safe: a job's worker threads may read it while the test moves
 * it.
 */
public final class ManualClock implements Clock {
    private volatile long nowMs;

    /** A clock showing {@code startMs}. */
    public ManualClock(long startMs) {
        this.nowMs = startMs;
    }

    @Override
    public long nanoTime() {
        return Math.multiplyExact(nowMs, 1_000_000L);
    }

    @Override
    public long currentTimeMillis() {
        return nowMs;
    }

    /**
     * Moves the clock to {@code timeMs}; staying where it is is allowed.
     *
     * @throws IllegalArgumentException if {@code timeMs} is earlier than the current reading
     */
    public synchronized void setTime(long timeMs) {
        if (timeMs < nowMs) {
            throw new IllegalArgumentException(
                    "processing time cannot go backwards: the clock shows " + nowMs + " ms, asked for " + timeMs);
        }
        nowMs = timeMs;
    }

    /** Moves the clock forward by {@code durationMs}, which must not be negative. */
    public synchronized void advance(long durationMs) {
        if (durationMs < 0) {
            throw new IllegalArgumentException("cannot advance the clock by a negative duration: " + durationMs + " ms");
        }
        setTime(Math.addExact(nowMs, durationMs));
    }

    @Override
    public String toString() {
        return "ManualClock[" + nowMs + " ms]";
    }
}
