package io.shepherd.api.checkpoint;

import java.io.Serializable;
import java.time.Duration;

/** What a job does when a task fails: restore from the latest checkpoint after a delay, or give up. */
public sealed interface RestartStrategy extends Serializable {

    /** Fail the job at the first task failure. */
    static RestartStrategy none() {
        return new None();
    }

    /** Up to {@code attempts} restarts in the life of the job, each after {@code delay}. */
    static RestartStrategy fixedDelay(int attempts, Duration delay) {
        return new FixedDelay(attempts, delay);
    }

    /**
     * Restarts without limit, the delay growing by {@code multiplier} after each failure up to
     * {@code max}, each delay varied by up to ±{@code jitter} (a fraction) so that many jobs do
     * not restart in step; back to {@code initial} after {@code resetAfter} without a failure.
     */
    static RestartStrategy exponentialBackoff(Duration initial, Duration max, double multiplier, double jitter,
            Duration resetAfter) {
        return new ExponentialBackoff(initial, max, multiplier, jitter, resetAfter);
    }

    /** Restarts after {@code delay} unless more than {@code maxFailures} failures fell within {@code interval}. */
    static RestartStrategy failureRate(int maxFailures, Duration interval, Duration delay) {
        return new FailureRate(maxFailures, interval, delay);
    }

    record None() implements RestartStrategy {}

    record FixedDelay(int attempts, Duration delay) implements RestartStrategy {
        public FixedDelay {
            if (attempts < 0) {
                throw new IllegalArgumentException("restart attempts must be >= 0, got " + attempts);
            }
            requireNotNegative("restart delay", delay);
        }
    }

    record ExponentialBackoff(Duration initial, Duration max, double multiplier, double jitter, Duration resetAfter)
            implements RestartStrategy {
        public ExponentialBackoff {
            requireNotNegative("initial backoff", initial);
            requireNotNegative("maximum backoff", max);
            requireNotNegative("backoff reset time", resetAfter);
            if (max.compareTo(initial) < 0) {
                throw new IllegalArgumentException("maximum backoff " + max + " is below the initial " + initial);
            }
            if (!(multiplier >= 1.0)) {
                throw new IllegalArgumentException("backoff multiplier must be >= 1, got " + multiplier);
            }
            if (!(jitter >= 0.0 && jitter <= 1.0)) {
                throw new IllegalArgumentException("backoff jitter must be within [0, 1], got " + jitter);
            }
        }
    }

    record FailureRate(int maxFailures, Duration interval, Duration delay) implements RestartStrategy {
        public FailureRate {
            if (maxFailures < 1) {
                throw new IllegalArgumentException("max failures per interval must be >= 1, got " + maxFailures);
            }
            requireNotNegative("failure-rate interval", interval);
            requireNotNegative("restart delay", delay);
        }
    }

    private static void requireNotNegative(String what, Duration duration) {
        if (duration == null || duration.isNegative()) {
            throw new IllegalArgumentException(what + " must be a duration >= 0, got " + duration);
        }
    }
}
