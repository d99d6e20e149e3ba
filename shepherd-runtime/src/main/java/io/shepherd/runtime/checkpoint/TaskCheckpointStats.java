package io.shepherd.runtime.checkpoint;

import java.io.Serializable;

/**
 * What one task's part of a checkpoint cost.
 *
 * @param syncNanos the synchronous part, taken while the barrier passed and processing waited
 * @param asyncNanos the asynchronous part: serializing and writing, while processing went on
 * @param alignmentNanos from the first barrier to the last at this task
 * @param stateBytes bytes of operator and keyed state written
 * @param channelStateBytes bytes of in-flight data written (unaligned checkpoints)
 */
public record TaskCheckpointStats(long syncNanos, long asyncNanos, long alignmentNanos, long stateBytes,
        long channelStateBytes) implements Serializable {}
