package io.shepherd.runtime.execution;

import io.shepherd.api.checkpoint.RestartStrategy;
import java.util.ArrayDeque;
import java.util.SplittableRandom;

/** Applies a {@link RestartStrategy} to a job's failures as they come: the delay before the next restart, or none. */
final class RestartBackoff {
    /** What {@link #onFailure} returns when the strategy gives up. */
    static final long GIVE_UP = -1;

    private final RestartStrategy strategy;
    private final SplittableRandom random;
    private final ArrayDeque<Long> recentFailures = new ArrayDeque<>();
    private int restarts;
    private long nextBackoffMs = -1;
    private long lastFailureMs = Long.MIN_VALUE;

    RestartBackoff(RestartStrategy strategy, SplittableRandom random) {
        this.strategy = strategy;
        this.random = random;
    }

    int restarts() {
        return restarts;
    }

    /** A task failed at {@code nowMs}: how many ms to wait before restarting, or {@link #GIVE_UP}. */
    long onFailure(long nowMs) {
        long delay = delayFor(nowMs);
        lastFailureMs = nowMs;
        if (delay != GIVE_UP) {
            restarts++;
        }
        return delay;
    }

    private long delayFor(long nowMs) {
        if (strategy instanceof RestartStrategy.FixedDelay fixed) {
            return restarts < fixed.attempts() ? fixed.delay().toMillis() : GIVE_UP;
        }
        if (strategy instanceof RestartStrategy.FailureRate rate) {
            recentFailures.addLast(nowMs);
            while (!recentFailures.isEmpty() && recentFailures.peekFirst() <= nowMs - rate.interval().toMillis()) {
                recentFailures.pollFirst();
            }
            return recentFailures.size() > rate.maxFailures() ? GIVE_UP : rate.delay().toMillis();
        }
        if (strategy instanceof RestartStrategy.ExponentialBackoff backoff) {
            boolean quietLongEnough = lastFailureMs != Long.MIN_VALUE
                    && nowMs - lastFailureMs >= backoff.resetAfter().toMillis();
            if (nextBackoffMs < 0 || quietLongEnough) {
                nextBackoffMs = backoff.initial().toMillis();
            }
            long base = nextBackoffMs;
            nextBackoffMs = Math.min((long) (nextBackoffMs * backoff.multiplier()), backoff.max().toMillis());
            double jitter = backoff.jitter() * (random.nextDouble() * 2 - 1);
            return Math.max(0, Math.round(base * (1 + jitter)));
        }
        return GIVE_UP;
    }
}
