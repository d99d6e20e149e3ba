package io.shepherd.runtime.execution;

import io.shepherd.api.plan.Operation;
import io.shepherd.api.plan.PlanNode;
import io.shepherd.common.Clock;
import io.shepherd.runtime.execution.SavepointReport.Fit;
import io.shepherd.runtime.execution.SavepointReport.OperatorState;
import io.shepherd.runtime.execution.SavepointReport.Scope;
import io.shepherd.runtime.execution.SavepointReport.StoredState;
import io.shepherd.runtime.graph.Functions;
import io.shepherd.runtime.graph.JobGraph;
import io.shepherd.runtime.operators.KeyedOperator;
import io.shepherd.runtime.operators.OperatorContext;
import io.shepherd.runtime.operators.OperatorFactory;
import io.shepherd.runtime.operators.StreamOperator;
import io.shepherd.runtime.state.KeyedStateBackend;
import io.shepherd.runtime.state.OperatorStateBackend;
import io.shepherd.runtime.state.StateSignature;
import io.shepherd.runtime.state.Unclaimed;
import io.shepherd.runtime.state.snapshot.RestoredOperatorState;
import io.shepherd.runtime.task.Deployment;
import io.shepherd.runtime.timers.KeyedTimerService;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Restores the state stored under one operator uid the way a deployment would, into scratch copies
 * of the job's operator, one per new subtask, and counts what each subtask got. Then it opens the
 * first subtask's operator: keyed states and operator lists are created lazily, when a function
 * asks for them by descriptor (usually in {@code open}), and that is when a state whose kind or
 * types changed is refused. Sources and sinks are not opened: opening them starts reading or
 * commits output.
 *
 * <p>The open runs the user's {@code open} and {@code close} on a copy of the function, as the job
 * will; a function with side effects there has them once more.
 */
final class OperatorProbe {
    private final JobGraph graph;
    private final Clock clock;
    private final List<String> errors;
    private final List<String> warnings;

    OperatorProbe(JobGraph graph, Clock clock, List<String> errors, List<String> warnings) {
        this.graph = graph;
        this.clock = clock;
        this.errors = errors;
        this.warnings = warnings;
    }

    /** Restores the uid's state into the job's operator {@code node} at its parallelism. */
    OperatorState probe(PlanNode node, RestoredCheckpoint restored, int oldParallelism) {
        String uid = Deployment.uidOf(node);
        String name = "'" + node.name() + "'";
        Operation operation = Functions.deserialize(graph.serializedOperations().get(node.id()));
        int parallelism = graph.parallelismOf(node);
        OperatorFactory factory = new OperatorFactory(graph.plan().config().watermarkIntervalMs());
        Counts counts = new Counts(parallelism);
        int timers = 0;
        StreamOperator first = null;
        for (int subtask = 0; subtask < parallelism; subtask++) {
            OperatorContext context = new OperatorContext(node.name(), uid, subtask, parallelism, maxParallelism(),
                    operation.keySelector() != null, clock);
            context.setCheckpointing(true);
            StreamOperator operator = operation instanceof Operation.SourceOp ? null : factory.create(operation, context);
            try {
                restore(restored.operatorState(uid, subtask, parallelism), context, operator);
            } catch (RuntimeException e) {
                errors.add("operator " + name + " (uid " + uid + ") cannot take its state: " + e.getMessage());
                return counts.toState(uid, name, oldParallelism, timers, Fit.UNCHECKED, Set.of(), Set.of());
            }
            counts.add(subtask, context);
            if (operator instanceof KeyedOperator keyed) {
                timers += keyed.timerService().eventTimers().size() + keyed.timerService().processingTimers().size();
            }
            if (subtask == 0) {
                first = operator;
            }
        }
        if (first == null || operation instanceof Operation.SinkOp) {
            return counts.toState(uid, name, oldParallelism, timers, Fit.UNCHECKED, Set.of(), Set.of());
        }
        boolean opened = open(first, name, uid);
        OperatorContext context = first.context();
        Set<String> claimedKeyed = context.isKeyed() ? context.keyedState().tables().keySet() : Set.of();
        return counts.toState(uid, name, oldParallelism, timers, opened ? Fit.NOT_ASKED_AT_OPEN : Fit.UNCHECKED,
                claimedKeyed, context.operatorState().lists().keySet());
    }

    /** What the uid's state holds, restored whole into empty backends; for a uid the job has no operator for. */
    OperatorState inspect(String uid, RestoredCheckpoint restored, int oldParallelism) {
        RestoredOperatorState state = restored.operatorState(uid, 0, 1);
        KeyedStateBackend keyed = new KeyedStateBackend(state.operator());
        OperatorStateBackend lists = new OperatorStateBackend(state.operator());
        KeyedTimerService timers = new KeyedTimerService(keyed, clock);
        state.restoreInto(keyed, lists, timers, maxParallelism(), 0, 1);
        Counts counts = new Counts(1);
        counts.add(0, keyed, lists);
        return counts.toState(uid, null, oldParallelism,
                timers.eventTimers().size() + timers.processingTimers().size(), Fit.UNCHECKED, Set.of(), Set.of());
    }

    /** As a deployment restores: a subtask without a part of the state starts empty. */
    private void restore(RestoredOperatorState state, OperatorContext context, StreamOperator operator) {
        if (state == null) {
            return;
        }
        if (operator != null) {
            operator.restoreState(state);
        } else {
            state.restoreInto(null, context.operatorState(), null, context.maxParallelism(), context.subtaskIndex(),
                    context.parallelism());
        }
    }

    /** Opens and closes the operator; false if opening failed, which is an error when it was over state. */
    private boolean open(StreamOperator operator, String name, String uid) {
        boolean opened = false;
        try {
            operator.open();
            opened = true;
        } catch (IllegalStateException e) {
            errors.add("operator " + name + " (uid " + uid + ") failed to open with its restored state: "
                    + e.getMessage());
        } catch (Exception e) {
            warnings.add("operator " + name + " (uid " + uid + ") could not be opened to check the types of its state: "
                    + e);
        } finally {
            try {
                operator.close();
            } catch (Exception e) {
                warnings.add("operator " + name + " (uid " + uid + ") failed to close after the check: " + e);
            }
        }
        return opened;
    }

    private int maxParallelism() {
        return graph.plan().config().maxParallelism();
    }

    /** Keys and list elements per state and new subtask, in the order the states were stored. */
    private static final class Counts {
        private final int parallelism;
        private final Map<String, StateCount> keyed = new LinkedHashMap<>();
        private final Map<String, StateCount> lists = new LinkedHashMap<>();

        Counts(int parallelism) {
            this.parallelism = parallelism;
        }

        void add(int subtask, OperatorContext context) {
            add(subtask, context.isKeyed() ? context.keyedState() : null, context.operatorState());
        }

        void add(int subtask, KeyedStateBackend keyedState, OperatorStateBackend operatorState) {
            if (keyedState != null) {
                keyedState.unclaimedTables().forEach((name, table) -> count(keyed, name, table, subtask));
            }
            operatorState.unclaimedLists().forEach((name, list) -> count(lists, name, list, subtask));
        }

        private void count(Map<String, StateCount> states, String name, Unclaimed<?> stored, int subtask) {
            int size = stored.contents() instanceof Map<?, ?> map ? map.size() : ((List<?>) stored.contents()).size();
            states.computeIfAbsent(name, n -> new StateCount(stored.signature(), new int[parallelism])).sizes[subtask] =
                    size;
        }

        /**
         * @param unclaimedFit the fit of a state the operator did not ask for
         * @param claimedKeyed, claimedLists the states the opened operator asked for, and got
         */
        OperatorState toState(String uid, String operator, int oldParallelism, int timers, Fit unclaimedFit,
                Set<String> claimedKeyed, Set<String> claimedLists) {
            List<StoredState> states = new ArrayList<>();
            keyed.forEach((name, count) -> states.add(count.toState(name, Scope.KEYED,
                    claimedKeyed.contains(name) ? Fit.MATCHES : unclaimedFit)));
            lists.forEach((name, count) -> states.add(count.toState(name, Scope.OPERATOR_LIST,
                    claimedLists.contains(name) ? Fit.MATCHES : unclaimedFit)));
            return new OperatorState(uid, operator, oldParallelism, operator == null ? 0 : parallelism, states, timers);
        }
    }

    private record StateCount(StateSignature signature, int[] sizes) {
        StoredState toState(String name, Scope scope, Fit fit) {
            List<Integer> perSubtask = new ArrayList<>();
            for (int size : sizes) {
                perSubtask.add(size);
            }
            return new StoredState(name, scope, signature, perSubtask, fit);
        }
    }
}
