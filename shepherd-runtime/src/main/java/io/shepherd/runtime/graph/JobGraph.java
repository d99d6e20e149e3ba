package io.shepherd.runtime.graph;

import io.shepherd.api.plan.LogicalPlan;
import io.shepherd.api.plan.PlanNode;
import java.util.List;
import java.util.Map;

/**
 * A validated plan, ready to deploy: vertices in topological order, the effective parallelism of
 * every node, and each node's operation in serialized form, from which every subtask gets its own
 * copy of the user's functions.
 */
public record JobGraph(
        LogicalPlan plan, List<JobVertex> vertices, Map<Integer, Integer> parallelism,
        Map<Integer, byte[]> serializedOperations, PlanNode deadLetterNode) {

    public int parallelismOf(PlanNode node) {
        return parallelism.get(node.id());
    }
}
