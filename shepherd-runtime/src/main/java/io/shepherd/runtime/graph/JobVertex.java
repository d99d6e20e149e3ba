package io.shepherd.runtime.graph;

import io.shepherd.api.plan.Operation;
import io.shepherd.api.plan.PlanNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Plan nodes chained into one task: records pass from one to the next by method call, with no
 * channel in between. Every node of a chain has the same parallelism.
 */
public final class JobVertex {
    private final int id;
    private final List<PlanNode> chain = new ArrayList<>();
    private final int parallelism;
    private final List<JobEdge> inputs = new ArrayList<>();
    private final List<JobEdge> outputs = new ArrayList<>();

    JobVertex(int id, PlanNode head, int parallelism) {
        this.id = id;
        this.chain.add(head);
        this.parallelism = parallelism;
    }

    public int id() {
        return id;
    }

    /** The chained nodes, head first. */
    public List<PlanNode> chain() {
        return chain;
    }

    public PlanNode head() {
        return chain.get(0);
    }

    public PlanNode tail() {
        return chain.get(chain.size() - 1);
    }

    public int parallelism() {
        return parallelism;
    }

    public List<JobEdge> inputs() {
        return inputs;
    }

    public List<JobEdge> outputs() {
        return outputs;
    }

    public boolean isSource() {
        return head().operation() instanceof Operation.SourceOp;
    }

    /** A readable name: the chained operators joined with arrows. */
    public String name() {
        StringBuilder name = new StringBuilder();
        for (PlanNode node : chain) {
            if (name.length() > 0) {
                name.append(" -> ");
            }
            name.append(node.name());
        }
        return name.toString();
    }

    @Override
    public String toString() {
        return name() + " (parallelism " + parallelism + ")";
    }
}
