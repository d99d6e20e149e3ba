package io.shepherd.runtime.testing;

import io.shepherd.common.Clock;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A clock that moves only when the test moves it, safe to read from the job's worker threads (the
 * testkit's simulated clock is single-threaded by design, a running job is not).
 */
public final class ManualClock implements Clock {
    /** What {@link #currentTimeMillis()} shows before the clock is moved. */
    public static final long EPOCH_MILLIS = 1_735_689_600_000L;

    private final AtomicLong nanos = new AtomicLong();

    @Override
    public long nanoTime() {
        return nanos.get();
    }

    @Override
    public long currentTimeMillis() {
        return EPOCH_MILLIS + nanos.get() / 1_000_000L;
    }

    public void advanceMillis(long millis) {
        nanos.addAndGet(millis * 1_000_000L);
    }
}
