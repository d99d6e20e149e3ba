package io.shepherd.api.checkpoint;

import java.io.Serializable;
import java.time.Duration;
import java.util.Objects;

/**
 * Checkpointing and recovery settings of a job. Checkpoints are off until an interval is set;
 * without them a failed task fails the job.
 */
public final class CheckpointConfig implements Serializable {
    private Duration interval = Duration.ZERO;
    private CheckpointingMode mode = CheckpointingMode.ALIGNED;
    private Duration alignmentTimeout;
    private Duration minPause = Duration.ZERO;
    private Duration timeout = Duration.ofMinutes(10);
    private int maxConcurrent = 1;
    private int retained = 1;
    private String directory;
    private String restoreFrom;
    private RestartStrategy restartStrategy;

    public boolean isEnabled() {
        return !interval.isZero();
    }

    public Duration interval() {
        return interval;
    }

    /** Takes a checkpoint every {@code interval}; zero turns checkpoints off. */
    public CheckpointConfig setInterval(Duration interval) {
        requireNotNegative("checkpoint interval", interval);
        if (!interval.isZero() && interval.toMillis() < 1) {
            throw new IllegalArgumentException("checkpoint interval must be at least 1 ms, got " + interval);
        }
        this.interval = interval;
        return this;
    }

    public CheckpointingMode mode() {
        return mode;
    }

    public CheckpointConfig setMode(CheckpointingMode mode) {
        this.mode = Objects.requireNonNull(mode, "checkpointing mode");
        return this;
    }

    /** How long an aligned checkpoint may wait for barriers before the task switches to unaligned; null = forever. */
    public Duration alignmentTimeout() {
        return alignmentTimeout;
    }

    /** Aligned checkpoints fall back to unaligned once a task has waited this long for its barriers. */
    public CheckpointConfig setAlignmentTimeout(Duration alignmentTimeout) {
        if (alignmentTimeout != null) {
            requireNotNegative("alignment timeout", alignmentTimeout);
        }
        this.alignmentTimeout = alignmentTimeout;
        return this;
    }

    public Duration minPause() {
        return minPause;
    }

    /** The least time between the end of one checkpoint and the start of the next. */
    public CheckpointConfig setMinPause(Duration minPause) {
        requireNotNegative("minimum pause between checkpoints", minPause);
        this.minPause = minPause;
        return this;
    }

    public Duration timeout() {
        return timeout;
    }

    /** A checkpoint not complete this long after its trigger is aborted. */
    public CheckpointConfig setTimeout(Duration timeout) {
        requireNotNegative("checkpoint timeout", timeout);
        if (timeout.isZero()) {
            throw new IllegalArgumentException("checkpoint timeout must be > 0");
        }
        this.timeout = timeout;
        return this;
    }

    public int maxConcurrent() {
        return maxConcurrent;
    }

    /** Checkpoints that may be in progress at once. */
    public CheckpointConfig setMaxConcurrent(int maxConcurrent) {
        if (maxConcurrent < 1) {
            throw new IllegalArgumentException("max concurrent checkpoints must be >= 1, got " + maxConcurrent);
        }
        this.maxConcurrent = maxConcurrent;
        return this;
    }

    public int retained() {
        return retained;
    }

    /** Completed checkpoints kept; older ones are deleted once a newer one completes. */
    public CheckpointConfig setRetained(int retained) {
        if (retained < 1) {
            throw new IllegalArgumentException("retained checkpoints must be >= 1, got " + retained);
        }
        this.retained = retained;
        return this;
    }

    /** Where checkpoints are stored; null means a new temporary directory for the run. */
    public String directory() {
        return directory;
    }

    public CheckpointConfig setDirectory(String directory) {
        this.directory = directory;
        return this;
    }

    /** A savepoint or retained checkpoint the job starts from; null to start empty. */
    public String restoreFrom() {
        return restoreFrom;
    }

    public CheckpointConfig setRestoreFrom(String restoreFrom) {
        this.restoreFrom = restoreFrom;
        return this;
    }

    /**
     * The restart strategy; by default fixed delay (unlimited attempts, no delay) with checkpoints
     * on and none without them.
     */
    public RestartStrategy restartStrategy() {
        if (restartStrategy != null) {
            return restartStrategy;
        }
        return isEnabled() ? RestartStrategy.fixedDelay(Integer.MAX_VALUE, Duration.ZERO) : RestartStrategy.none();
    }

    public CheckpointConfig setRestartStrategy(RestartStrategy restartStrategy) {
        this.restartStrategy = Objects.requireNonNull(restartStrategy, "restart strategy");
        return this;
    }

    private static void requireNotNegative(String what, Duration duration) {
        if (duration == null || duration.isNegative()) {
            throw new IllegalArgumentException(what + " must be a duration >= 0, got " + duration);
        }
    }
}
