package io.shepherd.runtime.graph;

import io.shepherd.api.plan.LogicalPlan;
import io.shepherd.api.plan.PlanNode;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

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

    /**
     * The job's pipelined regions: sets of vertices connected by edges, in either direction. Every
     * edge runs inside one region, so a region can fail and be restored without touching the others.
     */
    public List<Set<Integer>> regions() {
        Map<Integer, Integer> parent = new HashMap<>();
        vertices.forEach(vertex -> parent.put(vertex.id(), vertex.id()));
        for (JobVertex vertex : vertices) {
            for (JobEdge edge : vertex.outputs()) {
                parent.put(root(parent, edge.source().id()), root(parent, edge.target().id()));
            }
        }
        Map<Integer, Set<Integer>> byRoot = new LinkedHashMap<>();
        for (JobVertex vertex : vertices) {
            byRoot.computeIfAbsent(root(parent, vertex.id()), r -> new LinkedHashSet<>()).add(vertex.id());
        }
        return List.copyOf(byRoot.values());
    }

    private static int root(Map<Integer, Integer> parent, int id) {
        while (parent.get(id) != id) {
            id = parent.get(id);
        }
        return id;
    }
}
