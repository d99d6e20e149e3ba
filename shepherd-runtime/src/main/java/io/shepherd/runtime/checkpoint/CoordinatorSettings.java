package io.shepherd.runtime.checkpoint;

import io.shepherd.api.checkpoint.CheckpointConfig;
import io.shepherd.api.checkpoint.CheckpointingMode;
import java.time.Duration;

/**
 * What the {@link CheckpointCoordinator} needs of a job's {@link CheckpointConfig}, in milliseconds.
 *
 * @param intervalMs a periodic checkpoint is due this long after the previous trigger; 0 for no periodic
 *     checkpoints (savepoints only)
 * @param minPauseMs the least time from the end (completion or abort) of a checkpoint to the next
 *     periodic trigger
 * @param timeoutMs a checkpoint still pending this long after its trigger is aborted
 * @param maxConcurrent checkpoints and savepoints that may be pending at once
 * @param retained completed checkpoints kept; savepoints are not counted and never discarded
 * @param mode how tasks treat the barriers of a periodic checkpoint
 * @param alignmentTimeoutNanos how long an aligned checkpoint waits for barriers before a task switches
 *     to unaligned; {@link Long#MAX_VALUE} for never
 */
public record CoordinatorSettings(long intervalMs, long minPauseMs, long timeoutMs, int maxConcurrent, int retained,
        CheckpointingMode mode, long alignmentTimeoutNanos) {

    public CoordinatorSettings {
        if (intervalMs < 0 || minPauseMs < 0 || timeoutMs < 1) {
            throw new IllegalArgumentException("need interval >= 0, min pause >= 0 and timeout >= 1 ms, got interval "
                    + intervalMs + " ms, min pause " + minPauseMs + " ms, timeout " + timeoutMs + " ms");
        }
        if (maxConcurrent < 1 || retained < 1) {
            throw new IllegalArgumentException("need max concurrent >= 1 and retained >= 1, got " + maxConcurrent
                    + " and " + retained);
        }
        if (mode == null || alignmentTimeoutNanos < 0) {
            throw new IllegalArgumentException("need a checkpointing mode and an alignment timeout >= 0, got " + mode
                    + " and " + alignmentTimeoutNanos + " ns");
        }
    }

    public static CoordinatorSettings from(CheckpointConfig config) {
        Duration alignmentTimeout = config.alignmentTimeout();
        return new CoordinatorSettings(
                config.interval().toMillis(),
                config.minPause().toMillis(),
                config.timeout().toMillis(),
                config.maxConcurrent(),
                config.retained(),
                config.mode(),
                alignmentTimeout == null ? Long.MAX_VALUE : saturatedNanos(alignmentTimeout));
    }

    /** Whether checkpoints are triggered periodically, not only on request. */
    public boolean periodic() {
        return intervalMs > 0;
    }

    /**
     * How a checkpoint of {@code type} is taken. A savepoint is always aligned (or at-least-once in an
     * at-least-once job) and never switches to unaligned: it holds no channel state, so it stays portable
     * across changes of the job.
     */
    public CheckpointOptions options(CheckpointType type) {
        if (type == CheckpointType.SAVEPOINT) {
            CheckpointingMode savepointMode =
                    mode == CheckpointingMode.AT_LEAST_ONCE ? CheckpointingMode.AT_LEAST_ONCE : CheckpointingMode.ALIGNED;
            return new CheckpointOptions(type, savepointMode, Long.MAX_VALUE);
        }
        return new CheckpointOptions(type, mode, alignmentTimeoutNanos);
    }

    private static long saturatedNanos(Duration duration) {
        try {
            return duration.toNanos();
        } catch (ArithmeticException tooLong) {
            return Long.MAX_VALUE;
        }
    }
}
