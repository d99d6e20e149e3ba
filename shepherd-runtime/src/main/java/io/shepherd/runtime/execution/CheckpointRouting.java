package io.shepherd.runtime.execution;

import io.shepherd.runtime.checkpoint.CheckpointOptions;
import io.shepherd.runtime.checkpoint.TaskId;
import io.shepherd.runtime.task.Task;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Brings the checkpoint driver's commands to the tasks deployed now, across the job's regions.
 * Triggers go to the sources and to every task whose output has already ended, since no barrier
 * can reach those any more. Tasks whose output has ended stay, snapshotting their final state,
 * until a checkpoint taken after every task of the job ended has completed: before that, a failure
 * could still restore them to an earlier checkpoint. Thread-safe.
 */
final class CheckpointRouting {
    private record PendingTrigger(long timestampMs, CheckpointOptions options) {}

    private final Map<TaskId, Task> tasks = new HashMap<>();
    private final int taskCount;
    private final Map<Long, PendingTrigger> pendingTriggers = new LinkedHashMap<>();
    private final Set<TaskId> outputEnded = new HashSet<>();
    /** The first checkpoint triggered once every task's output had ended: it holds every final state. */
    private long finalCheckpoint = Long.MAX_VALUE;

    private final Runnable onAllOutputEnded;

    /**
     * @param taskCount the number of tasks of the whole job
     * @param onAllOutputEnded asks for the final checkpoint once every task's output has ended
     */
    CheckpointRouting(int taskCount, Runnable onAllOutputEnded) {
        this.taskCount = taskCount;
        this.onAllOutputEnded = onAllOutputEnded;
    }

    /** Newly deployed tasks replace those with the same ids (a region restarted). */
    synchronized void deployed(List<Task> deployed) {
        for (Task task : deployed) {
            tasks.put(task.id(), task);
            outputEnded.remove(task.id());
        }
        finalCheckpoint = Long.MAX_VALUE;
    }

    synchronized void triggerCheckpoint(TaskId source, long checkpointId, long timestampMs, CheckpointOptions options) {
        Task task = tasks.get(source);
        if (task == null) {
            throw new IllegalStateException("source task " + source + " is not deployed yet");
        }
        if (pendingTriggers.putIfAbsent(checkpointId, new PendingTrigger(timestampMs, options)) == null) {
            if (outputEnded.size() == taskCount) {
                finalCheckpoint = Math.min(finalCheckpoint, checkpointId);
            }
            for (TaskId ended : outputEnded) {
                tasks.get(ended).triggerCheckpoint(checkpointId, timestampMs, options);
            }
        }
        task.triggerCheckpoint(checkpointId, timestampMs, options);
    }

    synchronized void notifyCompleted(TaskId task, long checkpointId) {
        pendingTriggers.keySet().removeIf(id -> id <= checkpointId);
        Task deployed = tasks.get(task);
        if (deployed != null) {
            deployed.notifyCheckpointCompleted(checkpointId, checkpointId >= finalCheckpoint);
        }
    }

    synchronized void notifyAborted(TaskId task, long checkpointId) {
        pendingTriggers.remove(checkpointId);
        Task deployed = tasks.get(task);
        if (deployed != null) {
            deployed.notifyCheckpointAborted(checkpointId);
        }
    }

    /** A task's output ended: it snapshots every checkpoint under way, and every later one, when triggered directly. */
    synchronized void outputEnded(Task task) {
        if (tasks.get(task.id()) != task) {
            return; // a task of a region that has been restarted since
        }
        outputEnded.add(task.id());
        pendingTriggers.forEach((id, trigger) -> task.triggerCheckpoint(id, trigger.timestampMs(), trigger.options()));
        if (outputEnded.size() == taskCount) {
            onAllOutputEnded.run();
        }
    }
}
