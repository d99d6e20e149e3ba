package io.shepherd.runtime.checkpoint;

/**
 * How the {@link CheckpointDriver} reaches the tasks of a running job. Called from the driver's thread
 * only; implementations must hand the message to the task (a mailbox, a flag it polls) and return without
 * blocking, and must not call back into the driver's blocking methods ({@link CheckpointDriver#suspend}).
 * An exception from {@link #triggerCheckpoint} declines the checkpoint for that source; from the notify
 * methods it is logged.
 */
public interface TaskGateway {

    /** Inject the barrier of checkpoint {@code checkpointId} at this source task. */
    void triggerCheckpoint(TaskId source, long checkpointId, long timestampMs, CheckpointOptions options);

    /** Checkpoint {@code checkpointId} is complete and durable: two-phase-commit sinks commit. */
    void notifyCompleted(TaskId task, long checkpointId);

    /** Checkpoint {@code checkpointId} was given up: drop a snapshot of it in progress. */
    void notifyAborted(TaskId task, long checkpointId, String reason);
}
