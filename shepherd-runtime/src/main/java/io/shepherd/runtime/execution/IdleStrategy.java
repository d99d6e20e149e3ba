package io.shepherd.runtime.execution;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * How a worker waits when none of its tasks made progress: spin briefly (work usually arrives
 * within microseconds under load), then yield, then park for doubling periods up to a cap, so an
 * idle job costs almost no CPU and a busy one pays no wake-up latency.
 */
final class IdleStrategy {
    private static final int MAX_SPINS = 64;
    private static final int MAX_YIELDS = 16;
    private static final long MIN_PARK_NANOS = TimeUnit.MICROSECONDS.toNanos(20);
    private static final long MAX_PARK_NANOS = TimeUnit.MILLISECONDS.toNanos(1);

    private int idleRounds;
    private long parkNanos = MIN_PARK_NANOS;

    void reset() {
        idleRounds = 0;
        parkNanos = MIN_PARK_NANOS;
    }

    void idle() {
        idleRounds++;
        if (idleRounds <= MAX_SPINS) {
            Thread.onSpinWait();
        } else if (idleRounds <= MAX_SPINS + MAX_YIELDS) {
            Thread.yield();
        } else {
            LockSupport.parkNanos(parkNanos);
            parkNanos = Math.min(parkNanos * 2, MAX_PARK_NANOS);
        }
    }
}
