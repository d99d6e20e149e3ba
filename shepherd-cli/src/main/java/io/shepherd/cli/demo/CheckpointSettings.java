package io.shepherd.cli.demo;

import java.time.Duration;

/**
 * How a demo run with {@link RecoveryMechanism#CHECKPOINTS} takes checkpoints.
 *
 * @param checkpointing the mode
 * @param interval the time between two checkpoints, {@link #MIN_INTERVAL} to {@link #MAX_INTERVAL}
 */
public record CheckpointSettings(Checkpointing checkpointing, Duration interval) {
    /** Short enough that a failure replays a fraction of a second of input, long enough to cost little. */
    public static final Duration DEFAULT_INTERVAL = Duration.ofMillis(200);
    public static final Duration MIN_INTERVAL = Duration.ofMillis(1);
    /** Longer than a run at the default size: beyond it, every failure would restart from the start of the input. */
    public static final Duration MAX_INTERVAL = Duration.ofSeconds(10);

    public CheckpointSettings {
        if (checkpointing == null || interval == null) {
            throw new IllegalArgumentException("checkpointing mode and interval must be given");
        }
        if (interval.compareTo(MIN_INTERVAL) < 0 || interval.compareTo(MAX_INTERVAL) > 0) {
            throw new IllegalArgumentException("checkpoint interval must be in " + Durations.format(MIN_INTERVAL) + ".."
                    + Durations.format(MAX_INTERVAL) + ", got " + Durations.format(interval));
        }
    }
}
