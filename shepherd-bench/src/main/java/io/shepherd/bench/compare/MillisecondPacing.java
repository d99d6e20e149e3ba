package io.shepherd.bench.compare;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import org.apache.flink.api.connector.source.SourceSplit;
import org.apache.flink.api.connector.source.util.ratelimit.RateLimiter;
import org.apache.flink.api.connector.source.util.ratelimit.RateLimiterStrategy;

/**
 * Holds a Flink source to a rate the way Shepherd's generator holds itself: a token bucket refilled every
 * millisecond, capped at a tenth of a second's worth, one per reader with its share of the rate. Flink's
 * own {@link RateLimiterStrategy#perSecond} makes a future per record, which caps a reader far below the
 * rates the latency job needs; here a record within the bucket costs a few arithmetic operations.
 */
final class MillisecondPacing<S extends SourceSplit> implements RateLimiterStrategy<S> {
    private static final CompletableFuture<Void> NOW = CompletableFuture.completedFuture(null);
    private static final double BURST_SECONDS = 0.1;

    private final double recordsPerSecond;

    MillisecondPacing(double recordsPerSecond) {
        this.recordsPerSecond = recordsPerSecond;
    }

    @Override
    public RateLimiter<S> createRateLimiter(int parallelism) {
        double rate = recordsPerSecond / parallelism;
        double capacity = Math.max(1, rate * BURST_SECONDS);
        Executor nextMillisecond = CompletableFuture.delayedExecutor(1, TimeUnit.MILLISECONDS);
        return new RateLimiter<>() {
            private double permits = 1;
            private long lastMs = -1;

            @Override
            public CompletionStage<Void> acquire(int wanted) {
                long nowMs = System.currentTimeMillis();
                if (lastMs >= 0 && nowMs > lastMs) {
                    permits = Math.min(capacity, permits + (nowMs - lastMs) * rate / 1000.0);
                }
                lastMs = Math.max(lastMs, nowMs);
                if (permits >= wanted) {
                    permits -= wanted;
                    return NOW;
                }
                return CompletableFuture.runAsync(() -> {}, nextMillisecond).thenCompose(ignored -> acquire(wanted));
            }
        };
    }
}
