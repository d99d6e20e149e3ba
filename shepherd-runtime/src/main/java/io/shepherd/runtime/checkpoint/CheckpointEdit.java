package io.shepherd.runtime.checkpoint;

/** A change to the {@link CheckpointLedger}, logged by the {@link CompletedCheckpointStore}. */
sealed interface CheckpointEdit {

    /** The checkpoint's metadata is written: from now on it is complete. */
    record Completed(CheckpointSummary checkpoint) implements CheckpointEdit {}

    /** The checkpoint was given up; if it was recorded as completed meanwhile, it no longer is. */
    record Aborted(AbortedCheckpoint checkpoint) implements CheckpointEdit {}

    /** The completed checkpoint fell out of retention; its files are deleted after this edit is durable. */
    record Discarded(long checkpointId) implements CheckpointEdit {}
}
