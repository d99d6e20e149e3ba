package io.shepherd.runtime.execution;

import io.shepherd.api.plan.LogicalPlan;
import io.shepherd.api.plan.PlanNode;
import io.shepherd.common.Clock;
import io.shepherd.runtime.checkpoint.CompletedCheckpoint;
import io.shepherd.runtime.checkpoint.TaskId;
import io.shepherd.runtime.execution.SavepointReport.OperatorState;
import io.shepherd.runtime.graph.JobGraph;
import io.shepherd.runtime.graph.JobGraphBuilder;
import io.shepherd.runtime.graph.JobVertex;
import io.shepherd.runtime.task.Deployment;
import io.shepherd.runtime.task.TaskState;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether a job can start from a savepoint (or a retained checkpoint), found out without running
 * it. State is matched to operators by uid. For each uid in the savepoint the check restores the
 * state into the job's operator at its parallelism, subtask by subtask, exactly as the job would,
 * and opens the operator so that its functions ask for their state by descriptor (see
 * {@link OperatorProbe}). It reports:
 * <ul>
 *   <li>which operator takes each uid's state, the parallelism before and after, and how keys and
 *       list elements spread over the new subtasks;</li>
 *   <li>state the operator asks for as stored, state it does not ask for when it opens (kept in later
 *       snapshots), and operators that start empty;</li>
 *   <li>errors: state of an operator uid the job does not have (state of a uid that holds nothing,
 *       such as a stateless operator the job dropped, is not one); keyed state or timers for an
 *       operator that is no longer keyed; a state whose kind or types changed; in-flight data of an
 *       unaligned checkpoint for a task whose parallelism changed.</li>
 * </ul>
 * The runtime runs the same check before it starts a job from a savepoint, so a job that would not
 * fit fails before anything runs, with these messages.
 */
public final class SavepointCheck {
    private static final Logger LOG = LoggerFactory.getLogger(SavepointCheck.class);

    private final JobGraph graph;
    private final RestoredCheckpoint restored;
    private final String source;
    /** Subtasks per vertex id when the savepoint was taken. */
    private final Map<Integer, Integer> oldSubtasks = new HashMap<>();
    private final List<String> errors = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();
    private final OperatorProbe probe;

    private SavepointCheck(JobGraph graph, RestoredCheckpoint restored, String source, Clock clock) {
        this.graph = graph;
        this.restored = restored;
        this.source = source;
        this.probe = new OperatorProbe(graph, clock, errors, warnings);
        restored.checkpoint().tasks().keySet().forEach(task -> oldSubtasks.merge(task.vertexId(), 1, Integer::sum));
    }

    /**
     * Checks the job of {@code plan} against the savepoint or checkpoint directory {@code savepoint}.
     * Functions are deserialized with the thread's context class loader, as when the job runs.
     *
     * @throws io.shepherd.runtime.graph.InvalidJobException if the plan is not a valid job
     * @throws io.shepherd.runtime.checkpoint.CheckpointStorageException if there is no savepoint there
     * @throws io.shepherd.runtime.checkpoint.CorruptCheckpointException if a file of it is damaged
     */
    public static SavepointReport check(LogicalPlan plan, Path savepoint) {
        JobGraph graph = JobGraphBuilder.build(plan);
        return new SavepointCheck(graph, PortableCheckpoint.read(savepoint), savepoint.toString(), Clock.system()).run();
    }

    /**
     * Before a job starts from {@code restored}: fails when the state does not fit the job.
     *
     * @param source what the job starts from, for the message
     * @throws IllegalStateException naming every problem
     */
    static void requireFits(JobGraph graph, RestoredCheckpoint restored, String source, Clock clock) {
        SavepointReport report = new SavepointCheck(graph, restored, source, clock).run();
        report.warnings().forEach(warning -> LOG.warn("job '{}' from {}: {}", report.jobName(), source, warning));
        if (!report.fits()) {
            throw new IllegalStateException("cannot start job '" + report.jobName() + "' from " + source + ": "
                    + String.join("; ", report.errors()));
        }
    }

    private SavepointReport run() {
        Map<String, Integer> oldParallelism = oldParallelismByUid();
        Set<String> unmatched = new LinkedHashSet<>(oldParallelism.keySet());
        List<OperatorState> operators = new ArrayList<>();
        List<String> startingEmpty = new ArrayList<>();
        for (PlanNode node : deployedNodes()) {
            String uid = Deployment.uidOf(node);
            if (unmatched.remove(uid)) {
                operators.add(probe.probe(node, restored, oldParallelism.get(uid)));
            } else {
                startingEmpty.add("'" + node.name() + "' (uid " + uid + ")");
            }
        }
        for (String uid : unmatched) {
            OperatorState state = probe.inspect(uid, restored, oldParallelism.get(uid));
            operators.add(state);
            if (!state.isEmpty()) {
                errors.add("the savepoint holds state of operator uid '" + uid + "' (operator '"
                        + restored.operatorState(uid, 0, 1).operator() + "' when it was taken), which the job does not"
                        + " have: give the operator that should take it its old uid with .uid(\"" + uid + "\")");
            }
        }
        requireInFlightFits();
        CompletedCheckpoint checkpoint = restored.checkpoint();
        return new SavepointReport(graph.plan().jobName(), source, checkpoint.id(), checkpoint.type(), operators,
                startingEmpty, errors, warnings);
    }

    /** Every node deployed as a source or an operator, each of which may have state, in the job graph's order. */
    private List<PlanNode> deployedNodes() {
        List<PlanNode> nodes = new ArrayList<>();
        graph.vertices().forEach(vertex -> nodes.addAll(vertex.chain()));
        return nodes;
    }

    /** Each uid of the savepoint with the number of subtasks of the task that held it. */
    private Map<String, Integer> oldParallelismByUid() {
        Map<String, Integer> byUid = new LinkedHashMap<>();
        for (TaskId task : restored.checkpoint().tasks().keySet()) {
            TaskState state = restored.taskState(task);
            if (state != null) {
                state.operators().keySet().forEach(uid -> byUid.put(uid, oldSubtasks.get(task.vertexId())));
            }
        }
        return byUid;
    }

    /** In-flight data goes back into the same channels, so it needs the same task at the same parallelism. */
    private void requireInFlightFits() {
        Map<Integer, Integer> parallelism = new HashMap<>();
        for (JobVertex vertex : graph.vertices()) {
            parallelism.put(vertex.id(), vertex.parallelism());
        }
        for (TaskId task : restored.checkpoint().tasks().keySet()) {
            TaskState state = restored.taskState(task);
            boolean inFlight = state != null && state.inFlight().stream().anyMatch(channel -> !channel.isEmpty());
            if (inFlight && !oldSubtasks.get(task.vertexId()).equals(parallelism.get(task.vertexId()))) {
                errors.add("task " + task + " has in-flight data of an unaligned checkpoint, which only restores into"
                        + " the same job graph at the same parallelism; start from a savepoint instead (savepoints"
                        + " are always aligned)");
            }
        }
    }
}
