package io.shepherd.runtime.checkpoint;

/** A checkpoint the engine takes periodically, or a savepoint a user asked for and owns. */
public enum CheckpointType {
    CHECKPOINT,
    SAVEPOINT
}
