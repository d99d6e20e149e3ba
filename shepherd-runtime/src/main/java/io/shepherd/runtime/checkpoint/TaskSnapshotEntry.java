package io.shepherd.runtime.checkpoint;

import java.io.Serializable;

/**
 * One task's part of a completed checkpoint.
 *
 * @param taskName the task's name, for statistics
 * @param state where its state lies in checkpoint storage; null if the task has no state
 * @param stats what its snapshot cost
 * @param ackTimeMs when its acknowledgement reached the coordinator
 */
public record TaskSnapshotEntry(String taskName, StateHandle state, TaskCheckpointStats stats, long ackTimeMs)
        implements Serializable {}
