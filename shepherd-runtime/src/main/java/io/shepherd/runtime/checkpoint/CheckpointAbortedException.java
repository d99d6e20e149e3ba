package io.shepherd.runtime.checkpoint;

/** A savepoint (or checkpoint) someone waited for was aborted; the message says why. */
public class CheckpointAbortedException extends RuntimeException {

    private final long checkpointId;

    public CheckpointAbortedException(long checkpointId, String message) {
        super(message);
        this.checkpointId = checkpointId;
    }

    /** The aborted checkpoint's id; -1 if it was never triggered. */
    public long checkpointId() {
        return checkpointId;
    }
}
