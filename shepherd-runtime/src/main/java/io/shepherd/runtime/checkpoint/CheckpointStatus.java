package io.shepherd.runtime.checkpoint;

/** Where a checkpoint stands, as statistics show it. */
public enum CheckpointStatus {
    /** Triggered; acknowledgements or its durable completion record are still awaited. */
    IN_PROGRESS,
    /** Every task acknowledged and the completion record is durable. */
    COMPLETED,
    /** Given up: declined, timed out, subsumed, its record failed, or the job was suspended. */
    ABORTED
}
