package io.shepherd.runtime.checkpoint;

import io.shepherd.api.checkpoint.CheckpointingMode;
import java.io.Serializable;

/**
 * How one checkpoint is taken; travels with its barriers.
 *
 * @param alignmentTimeoutNanos for {@link CheckpointingMode#ALIGNED}: how long a task waits for
 *     barriers before it switches to unaligned; {@code Long.MAX_VALUE} for never
 */
public record CheckpointOptions(CheckpointType type, CheckpointingMode mode, long alignmentTimeoutNanos)
        implements Serializable {}
