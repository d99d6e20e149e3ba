package io.shepherd.common;

/**
 * The one source of time for protocol and runtime logic.
 *
 * <p>Logic never calls {@link System#nanoTime()} or {@link System#currentTimeMillis()} itself: it is
 * handed a clock, reads it once per loop iteration and passes the reading down. Tests hand it a
 * simulated clock that only moves when the simulation says so.
 */
public interface Clock {

    /** Monotonic time in nanoseconds, for measuring intervals and deadlines; its origin is arbitrary. */
    long nanoTime();

    /** Wall-clock time in milliseconds since the epoch, for timestamps shown to people. */
    long currentTimeMillis();

    /** The clock of the machine. */
    static Clock system() {
        return SystemClock.INSTANCE;
    }
}
