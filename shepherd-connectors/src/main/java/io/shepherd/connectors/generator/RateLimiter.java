package io.shepherd.connectors.generator;

/**
 * A token bucket over the engine's millisecond clock: permits accrue at a fixed rate up to a cap,
 * and a reader takes as many as it may emit. Time is a parameter, never read here, so a test can
 * drive it with any sequence of instants.
 *
 * <p>The cap (a tenth of a second's worth of permits, at least one) bounds the burst after the
 * reader was not polled for a while, e.g. under backpressure: the source then resumes at its rate
 * instead of catching up on the time it lost. The bucket starts with one permit, so the first
 * record goes out at once. A clock that steps backwards adds nothing.
 *
 * <p>Not thread-safe: one per reader.
 */
final class RateLimiter {
    private static final double BURST_SECONDS = 0.1;

    private final double permitsPerSecond;
    private final double capacity;
    private double permits;
    private long lastMs;
    private boolean started;

    RateLimiter(double permitsPerSecond) {
        if (!(permitsPerSecond > 0) || Double.isInfinite(permitsPerSecond)) {
            throw new IllegalArgumentException("rate must be a positive number of records per second, got "
                    + permitsPerSecond);
        }
        this.permitsPerSecond = permitsPerSecond;
        this.capacity = Math.max(1.0, permitsPerSecond * BURST_SECONDS);
        this.permits = 1.0;
    }

    /** Takes up to {@code wanted} permits at time {@code nowMs}; returns how many were granted. */
    int acquire(int wanted, long nowMs) {
        refill(nowMs);
        int granted = (int) Math.min(wanted, Math.floor(permits));
        permits -= granted;
        return granted;
    }

    private void refill(long nowMs) {
        if (!started) {
            started = true;
            lastMs = nowMs;
            return;
        }
        if (nowMs > lastMs) {
            // Multiply before dividing so that whole numbers of permits come out exact.
            permits = Math.min(capacity, permits + (nowMs - lastMs) * permitsPerSecond / 1000.0);
        }
        lastMs = nowMs;
    }
}
