package io.shepherd.runtime.checkpoint;

/** A checkpoint that was given up, as the completed-checkpoint store remembers it for statistics. */
public record AbortedCheckpoint(long id, CheckpointType type, long triggerTimeMs, long abortTimeMs, String reason) {

    /** The aborted entry of the coordinator's history. */
    public static AbortedCheckpoint of(CheckpointHistoryEntry entry) {
        return new AbortedCheckpoint(entry.id(), entry.type(), entry.triggerTimeMs(), entry.endTimeMs(),
                entry.failureReason());
    }
}
