package io.shepherd.runtime.graph;

import io.shepherd.api.ErrorPolicy;
import io.shepherd.api.plan.LogicalPlan;
import io.shepherd.api.plan.Operation;
import io.shepherd.api.plan.PlanEdge;
import io.shepherd.api.plan.PlanNode;
import java.io.IOException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Checks a plan before anything runs: structure (inputs, sinks, cycles), settings (uids,
 * policies), and that every function can be shipped. Each problem is reported with the operator
 * it is in and what to do about it.
 */
final class PlanValidator {
    private final LogicalPlan plan;

    PlanValidator(LogicalPlan plan) {
        this.plan = plan;
    }

    /** Validates and returns each node's operation serialized, keyed by node id. */
    Map<Integer, byte[]> validate() {
        if (plan.nodes().isEmpty()) {
            throw invalid("it has no operators; start from a source, e.g. env.fromSource(...)");
        }
        if (plan.config().acking().isEnabled() && plan.config().checkpointing().isEnabled()) {
            throw invalid("it enables both ack mode and checkpoints, which are exclusive ways to recover: keep "
                    + "config().acking() for at-least-once per record without checkpoints, or config().checkpointing() "
                    + "for consistent snapshots of state");
        }
        Map<Integer, PlanNode> byId = new HashMap<>();
        for (PlanNode node : plan.nodes()) {
            if (byId.put(node.id(), node) != null) {
                throw invalid("two operators have the id #" + node.id());
            }
        }
        boolean hasSink = false;
        Set<String> uids = new HashSet<>();
        for (PlanNode node : plan.nodes()) {
            checkInputs(node, byId);
            if (node.uid() != null && !uids.add(node.uid())) {
                throw invalid("the uid '" + node.uid() + "' is used by more than one operator (again by " + node
                        + "); uids must be unique within a job");
            }
            if (effectivePolicy(node) == ErrorPolicy.DEAD_LETTER && plan.deadLetterSink() == null) {
                throw invalid("operator " + node + " sends failed records to dead letters but the job has no "
                        + "dead-letter sink; set one with StreamEnvironment.setDeadLetterSink(...)");
            }
            hasSink |= node.operation() instanceof Operation.SinkOp;
        }
        if (!hasSink) {
            throw invalid("it has no sink, so it would compute nothing anyone sees; end the stream with .sink(...)");
        }
        checkAcyclic(byId);
        return serializeOperations();
    }

    ErrorPolicy effectivePolicy(PlanNode node) {
        return node.errorPolicy() != null ? node.errorPolicy() : plan.config().errorPolicy();
    }

    private void checkInputs(PlanNode node, Map<Integer, PlanNode> byId) {
        boolean source = node.operation() instanceof Operation.SourceOp;
        if (source && !node.inputs().isEmpty()) {
            throw invalid("source " + node + " has inputs");
        }
        if (!source && node.inputs().isEmpty()) {
            throw invalid("operator " + node + " has no input");
        }
        for (PlanEdge edge : node.inputs()) {
            if (!byId.containsKey(edge.sourceId())) {
                throw invalid("operator " + node + " reads from #" + edge.sourceId() + ", which is not in the job");
            }
            if (byId.get(edge.sourceId()).operation() instanceof Operation.SinkOp) {
                throw invalid("operator " + node + " reads from the sink " + byId.get(edge.sourceId())
                        + "; sinks have no output");
            }
        }
        if (node.operation().keySelector() != null) {
            for (int input = 0; input < node.inputs().size(); input++) {
                PlanEdge edge = node.inputs().get(input);
                if (edge.keySelector() == null) {
                    throw invalid("keyed operator " + node + " has an input that is not partitioned by key");
                }
                // Senders hand over the key they partitioned by, so it must be the key that scopes the state.
                if (edge.keySelector() != node.operation().keySelector(input)) {
                    throw invalid("keyed operator " + node + " has an input partitioned by another key selector than"
                            + " the one that scopes its state; partition it with the operator's own key selector");
                }
            }
        }
    }

    private void checkAcyclic(Map<Integer, PlanNode> byId) {
        Map<Integer, Integer> state = new HashMap<>(); // 1 = on the current path, 2 = done
        for (PlanNode node : plan.nodes()) {
            visit(node, byId, state);
        }
    }

    private void visit(PlanNode node, Map<Integer, PlanNode> byId, Map<Integer, Integer> state) {
        Integer seen = state.get(node.id());
        if (seen != null) {
            if (seen == 1) {
                throw invalid("it has a cycle through operator " + node + "; streams must flow one way");
            }
            return;
        }
        state.put(node.id(), 1);
        for (PlanEdge edge : node.inputs()) {
            visit(byId.get(edge.sourceId()), byId, state);
        }
        state.put(node.id(), 2);
    }

    private Map<Integer, byte[]> serializeOperations() {
        Map<Integer, byte[]> serialized = new HashMap<>();
        for (PlanNode node : plan.nodes()) {
            try {
                serialized.put(node.id(), Functions.serialize(node.operation()));
            } catch (IOException e) {
                throw new InvalidJobException(plan.jobName(), "a function of operator " + node
                        + " cannot be serialized (" + e + "). Functions are copied to every parallel subtask: make "
                        + "the objects they capture Serializable, or mark them transient and create them in open()",
                        e);
            }
        }
        return serialized;
    }

    private InvalidJobException invalid(String problem) {
        return new InvalidJobException(plan.jobName(), problem);
    }
}
