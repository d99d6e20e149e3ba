package io.shepherd.runtime.execution;

import io.shepherd.runtime.checkpoint.CompletedCheckpoint;
import io.shepherd.runtime.checkpoint.StateHandle;
import io.shepherd.runtime.checkpoint.TaskId;
import io.shepherd.runtime.checkpoint.TaskSnapshotEntry;
import io.shepherd.runtime.state.snapshot.RestoredOperatorState;
import io.shepherd.runtime.task.RestoredJobState;
import io.shepherd.runtime.task.TaskState;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * A completed checkpoint or savepoint read back for a restore: every task's state file, indexed
 * by operator uid and subtask. An operator whose parallelism changed gets the merged state of all
 * its old subtasks, from which each new subtask keeps its own keys.
 */
final class RestoredCheckpoint implements RestoredJobState {
    private final CompletedCheckpoint checkpoint;
    private final Map<String, TreeMap<Integer, RestoredOperatorState>> operators = new HashMap<>();
    private final Map<TaskId, TaskState> tasks = new HashMap<>();

    private RestoredCheckpoint(CompletedCheckpoint checkpoint) {
        this.checkpoint = checkpoint;
    }

    /** @param files reads a state file, checking its checksum */
    static RestoredCheckpoint read(CompletedCheckpoint checkpoint, Function<StateHandle, byte[]> files) {
        RestoredCheckpoint restored = new RestoredCheckpoint(checkpoint);
        for (Map.Entry<TaskId, TaskSnapshotEntry> entry : checkpoint.tasks().entrySet()) {
            if (entry.getValue().state() == null) {
                continue;
            }
            TaskState state = TaskState.read(files.apply(entry.getValue().state()),
                    entry.getValue().state().location());
            restored.tasks.put(entry.getKey(), state);
            state.operators().forEach((uid, operatorState) -> restored.operators
                    .computeIfAbsent(uid, u -> new TreeMap<>()).put(entry.getKey().subtask(), operatorState));
        }
        return restored;
    }

    long checkpointId() {
        return checkpoint.id();
    }

    CompletedCheckpoint checkpoint() {
        return checkpoint;
    }

    @Override
    public RestoredOperatorState operatorState(String uid, int subtask, int parallelism) {
        TreeMap<Integer, RestoredOperatorState> parts = operators.get(uid);
        if (parts == null) {
            return null;
        }
        if (parts.size() == parallelism) {
            return parts.get(subtask);
        }
        return RestoredOperatorState.merge(List.copyOf(parts.values()));
    }

    @Override
    public TaskState taskState(TaskId task) {
        return tasks.get(task);
    }
}
