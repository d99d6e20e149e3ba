package io.shepherd.runtime.execution;

import io.shepherd.api.plan.PlanNode;
import io.shepherd.runtime.checkpoint.CompletedCheckpoint;
import io.shepherd.runtime.checkpoint.StateHandle;
import io.shepherd.runtime.checkpoint.TaskId;
import io.shepherd.runtime.checkpoint.TaskSnapshotEntry;
import io.shepherd.runtime.graph.JobGraph;
import io.shepherd.runtime.graph.JobVertex;
import io.shepherd.runtime.state.snapshot.RestoredOperatorState;
import io.shepherd.runtime.task.Deployment;
import io.shepherd.runtime.task.RestoredJobState;
import io.shepherd.runtime.task.TaskState;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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

    /**
     * Fails, before anything runs, when the state does not fit the job: state of an operator the
     * job does not have, or in-flight data for a task whose parallelism changed.
     */
    void requireMatches(JobGraph graph, String what) {
        Set<String> uids = new HashSet<>();
        Map<Integer, Integer> parallelism = new HashMap<>();
        for (JobVertex vertex : graph.vertices()) {
            parallelism.put(vertex.id(), vertex.parallelism());
            for (PlanNode node : vertex.chain()) {
                uids.add(Deployment.uidOf(node));
            }
        }
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, TreeMap<Integer, RestoredOperatorState>> entry : operators.entrySet()) {
            if (!uids.contains(entry.getKey())) {
                problems.add("it holds state of operator uid '" + entry.getKey() + "', which the job does not have"
                        + " (give the operator its old uid with .uid(...), or remove the state)");
            }
        }
        for (Map.Entry<TaskId, TaskState> entry : tasks.entrySet()) {
            int vertex = entry.getKey().vertexId();
            boolean inFlight = entry.getValue().inFlight().stream().anyMatch(channel -> !channel.isEmpty());
            if (inFlight && !Integer.valueOf(countSubtasks(vertex)).equals(parallelism.get(vertex))) {
                problems.add("task " + entry.getKey() + " has in-flight data of an unaligned checkpoint, which only "
                        + "restores into the same job graph at the same parallelism");
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("cannot start job '" + graph.plan().jobName() + "' from " + what + ": "
                    + String.join("; ", problems));
        }
    }

    private int countSubtasks(int vertexId) {
        return (int) checkpoint.tasks().keySet().stream().filter(task -> task.vertexId() == vertexId).count();
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
