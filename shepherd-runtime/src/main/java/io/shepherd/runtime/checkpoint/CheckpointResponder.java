package io.shepherd.runtime.checkpoint;

/**
 * How a task answers a checkpoint, from any thread (the task's own, or the thread that finished its
 * asynchronous snapshot). Calls return at once; answers to checkpoints that are no longer pending, and
 * repeated answers, are ignored.
 */
public interface CheckpointResponder {

    /**
     * The task's part of the checkpoint is written.
     *
     * @param state where its state is; null if the task has no state
     */
    void acknowledge(long checkpointId, TaskId task, StateHandle state, TaskCheckpointStats stats);

    /** The task cannot take its part; the checkpoint is aborted. */
    void decline(long checkpointId, TaskId task, String reason);
}
