package io.shepherd.runtime.checkpoint;

/**
 * What the {@link CheckpointCoordinator} asks its caller to do. The coordinator does no I/O; the caller
 * ({@link CheckpointDriver} for a running job) carries the actions out in the order they were returned.
 */
public sealed interface CoordinatorAction {

    /** Inject the barrier of checkpoint {@code checkpointId} at every source task. */
    record TriggerCheckpoint(long checkpointId, long timestampMs, CheckpointOptions options)
            implements CoordinatorAction {}

    /**
     * Every task acknowledged: write the checkpoint's metadata and its durable record, then call
     * {@link CheckpointCoordinator#completionRecorded} (or {@link CheckpointCoordinator#completionRecordFailed}).
     * The checkpoint is not complete before that call.
     */
    record RecordCompletion(CompletedCheckpoint checkpoint) implements CoordinatorAction {}

    /** Tell every task that the checkpoint is complete and durable: two-phase-commit sinks commit now. */
    record NotifyCompleted(long checkpointId) implements CoordinatorAction {}

    /**
     * Tell every task that the checkpoint was given up: drop a snapshot in progress. A hint, not a verdict
     * on output: a sink must not destroy pre-committed output on it (see docs/checkpoints.md).
     */
    record NotifyAborted(long checkpointId, String reason) implements CoordinatorAction {}

    /** Delete the checkpoint's files and forget its record: it was aborted or fell out of retention. */
    record Discard(long checkpointId) implements CoordinatorAction {}
}
