package io.shepherd.runtime.checkpoint;

import java.io.Serializable;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * A checkpoint every task acknowledged: what to restore from, and what it cost.
 *
 * @param id the checkpoint id; ids increase with every trigger of a job, across restores
 * @param type checkpoint or savepoint
 * @param triggerTimeMs when the coordinator triggered it
 * @param completionTimeMs when the last acknowledgement arrived
 * @param tasks every task's part; kept as an unmodifiable map in task order
 * @param lastAcknowledged the task whose acknowledgement arrived last: the one that held the checkpoint up
 * @param location its directory in checkpoint storage, relative to the storage's root (see {@link CheckpointLayout})
 */
public record CompletedCheckpoint(long id, CheckpointType type, long triggerTimeMs, long completionTimeMs,
        Map<TaskId, TaskSnapshotEntry> tasks, TaskId lastAcknowledged, String location) implements Serializable {

    public CompletedCheckpoint {
        if (type == null || tasks == null || location == null) {
            throw new IllegalArgumentException("checkpoint " + id + " needs a type, tasks and a location");
        }
        if (lastAcknowledged != null && !tasks.containsKey(lastAcknowledged)) {
            throw new IllegalArgumentException("checkpoint " + id + ": the last task to acknowledge, "
                    + lastAcknowledged + ", is not one of its tasks " + tasks.keySet());
        }
        tasks = Collections.unmodifiableSortedMap(new TreeMap<>(tasks));
    }

    /** From trigger to the last acknowledgement. */
    public long durationMs() {
        return completionTimeMs - triggerTimeMs;
    }

    /** Bytes of operator and keyed state over all tasks. */
    public long stateBytes() {
        return tasks.values().stream().mapToLong(t -> t.stats().stateBytes()).sum();
    }

    /** Bytes of in-flight data captured over all tasks (unaligned checkpoints). */
    public long channelStateBytes() {
        return tasks.values().stream().mapToLong(t -> t.stats().channelStateBytes()).sum();
    }

    /** The longest alignment of any task. */
    public long maxAlignmentNanos() {
        return tasks.values().stream().mapToLong(t -> t.stats().alignmentNanos()).max().orElse(0);
    }

    /** The longest synchronous snapshot part of any task: how long processing paused at most. */
    public long maxSyncNanos() {
        return tasks.values().stream().mapToLong(t -> t.stats().syncNanos()).max().orElse(0);
    }

    /** The longest asynchronous snapshot part of any task. */
    public long maxAsyncNanos() {
        return tasks.values().stream().mapToLong(t -> t.stats().asyncNanos()).max().orElse(0);
    }
}
