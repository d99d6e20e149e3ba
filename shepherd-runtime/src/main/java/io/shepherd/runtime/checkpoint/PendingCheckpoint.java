package io.shepherd.runtime.checkpoint;

import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A checkpoint between its trigger and its end, as the {@link CheckpointCoordinator} tracks it: which tasks
 * acknowledged, and whether its completion is being recorded. Acknowledgements are counted once per task.
 */
final class PendingCheckpoint {

    /** The phases of a pending checkpoint; it leaves the coordinator when it completes or is aborted. */
    enum Phase {
        /** Waiting for every task's acknowledgement. */
        AWAITING_ACKS,
        /** Every task acknowledged; waiting for the caller to make the completion record durable. */
        RECORDING
    }

    private final long id;
    private final CheckpointType type;
    private final long triggerTimeMs;
    private final SortedMap<TaskId, String> taskNames;
    private final TreeMap<TaskId, TaskSnapshotEntry> acknowledged = new TreeMap<>();
    private Phase phase = Phase.AWAITING_ACKS;
    private TaskId lastAcknowledged;
    private CompletedCheckpoint completed;

    PendingCheckpoint(long id, CheckpointType type, long triggerTimeMs, SortedMap<TaskId, String> taskNames) {
        this.id = id;
        this.type = type;
        this.triggerTimeMs = triggerTimeMs;
        this.taskNames = taskNames;
    }

    long id() {
        return id;
    }

    CheckpointType type() {
        return type;
    }

    long triggerTimeMs() {
        return triggerTimeMs;
    }

    boolean recording() {
        return phase == Phase.RECORDING;
    }

    /** The checkpoint being recorded; null before every task acknowledged. */
    CompletedCheckpoint completed() {
        return completed;
    }

    /**
     * Counts a task's acknowledgement; false (and nothing changes) if it is a duplicate, comes from a task
     * that is not part of the job, or arrives after every task already acknowledged.
     */
    boolean acknowledge(TaskId task, StateHandle state, TaskCheckpointStats stats, long nowMs) {
        String name = taskNames.get(task);
        if (phase != Phase.AWAITING_ACKS || name == null || acknowledged.containsKey(task)) {
            return false;
        }
        acknowledged.put(task, new TaskSnapshotEntry(name, state, stats, nowMs));
        lastAcknowledged = task;
        if (acknowledged.size() == taskNames.size()) {
            completed = new CompletedCheckpoint(id, type, triggerTimeMs, nowMs, acknowledged, lastAcknowledged,
                    CheckpointLayout.directory(id, type));
            phase = Phase.RECORDING;
        }
        return true;
    }

    boolean isTask(TaskId task) {
        return taskNames.containsKey(task);
    }

    boolean expired(long nowMs, long timeoutMs) {
        return nowMs - triggerTimeMs >= timeoutMs;
    }

    String progress() {
        return acknowledged.size() + " of " + taskNames.size() + " tasks acknowledged"
                + (recording() ? ", completion being recorded" : "");
    }

    CheckpointHistoryEntry inProgress() {
        return entry(CheckpointStatus.IN_PROGRESS, -1, null);
    }

    CheckpointHistoryEntry ended(CheckpointStatus status, long endTimeMs, String reason) {
        return entry(status, endTimeMs, reason);
    }

    private CheckpointHistoryEntry entry(CheckpointStatus status, long endTimeMs, String reason) {
        return new CheckpointHistoryEntry(id, type, status, triggerTimeMs, endTimeMs, acknowledged.size(),
                taskNames.size(), reason, completed);
    }
}
