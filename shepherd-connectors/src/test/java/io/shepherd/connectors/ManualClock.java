package io.shepherd.connectors;

import io.shepherd.common.Clock;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A clock that stands still until the test moves it, safe to read from a running job's threads
 * (unlike the testkit's simulated clock, which belongs to a single-threaded simulation).
 */
public final class ManualClock implements Clock {
    private final AtomicLong millis;

    public ManualClock(long startMillis) {
        this.millis = new AtomicLong(startMillis);
    }

    public void advanceMillis(long durationMs) {
        millis.addAndGet(durationMs);
    }

    @Override
    public long nanoTime() {
        return millis.get() * 1_000_000L;
    }

    @Override
    public long currentTimeMillis() {
        return millis.get();
    }
}
