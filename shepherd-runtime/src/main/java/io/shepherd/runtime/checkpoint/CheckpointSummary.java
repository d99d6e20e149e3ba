package io.shepherd.runtime.checkpoint;

/**
 * What the completed-checkpoint store keeps of a completed checkpoint: where it is, and its headline
 * figures. The details are in its metadata file.
 *
 * @param location its directory in checkpoint storage
 * @param lastAcknowledged the task whose acknowledgement arrived last
 */
public record CheckpointSummary(long id, CheckpointType type, String location, long triggerTimeMs,
        long completionTimeMs, int tasks, long stateBytes, long channelStateBytes, TaskId lastAcknowledged) {

    public static CheckpointSummary of(CompletedCheckpoint checkpoint) {
        return new CheckpointSummary(checkpoint.id(), checkpoint.type(), checkpoint.location(),
                checkpoint.triggerTimeMs(), checkpoint.completionTimeMs(), checkpoint.tasks().size(),
                checkpoint.stateBytes(), checkpoint.channelStateBytes(), checkpoint.lastAcknowledged());
    }

    public long durationMs() {
        return completionTimeMs - triggerTimeMs;
    }
}
