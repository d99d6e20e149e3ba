package io.shepherd.runtime.checkpoint;

/**
 * One recent checkpoint as statistics show it.
 *
 * @param endTimeMs when it completed or was aborted; -1 while in progress
 * @param acknowledged how many tasks have acknowledged it
 * @param tasks how many tasks must acknowledge it
 * @param failureReason why it was aborted; null otherwise
 * @param completed the checkpoint, once every task acknowledged; null before
 */
public record CheckpointHistoryEntry(long id, CheckpointType type, CheckpointStatus status, long triggerTimeMs,
        long endTimeMs, int acknowledged, int tasks, String failureReason, CompletedCheckpoint completed) {}
