package io.shepherd.api.execution;

import java.time.Duration;

/**
 * One of a job's recent checkpoints as its statistics show it.
 *
 * @param id the checkpoint id; ids increase across restores
 * @param savepoint whether it is a savepoint
 * @param status in progress, completed (durably recorded) or aborted
 * @param triggerTimeMs when the coordinator triggered it, in wall-clock milliseconds
 * @param duration from the trigger to the durable completion record or the abort; null while in progress
 * @param stateBytes operator and keyed state written, over all tasks; 0 unless completed
 * @param channelStateBytes in-flight data written, over all tasks: above 0 only when some task took
 *     the checkpoint unaligned (unaligned mode, or aligned past its alignment timeout); 0 unless completed
 * @param maxAlignment the longest time any task waited from its first barrier to its snapshot (or to
 *     turning unaligned); zero unless completed
 * @param maxSyncPart the longest synchronous part of any task's snapshot, during which that task
 *     processed nothing; zero unless completed
 * @param failureReason why it was aborted; null otherwise
 */
public record CheckpointStats(long id, boolean savepoint, Status status, long triggerTimeMs, Duration duration,
        long stateBytes, long channelStateBytes, Duration maxAlignment, Duration maxSyncPart, String failureReason) {

    /** Where a checkpoint stands. */
    public enum Status {
        IN_PROGRESS,
        COMPLETED,
        ABORTED
    }

    public boolean isCompleted() {
        return status == Status.COMPLETED;
    }
}
