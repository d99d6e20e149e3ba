package io.shepherd.runtime.graph;

import io.shepherd.api.ErrorPolicy;
import io.shepherd.api.plan.LogicalPlan;
import io.shepherd.api.plan.Operation;
import io.shepherd.api.plan.Partitioning;
import io.shepherd.api.plan.PlanEdge;
import io.shepherd.api.plan.PlanNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a plan into a job graph: validates it, fixes every node's parallelism, dissolves unions
 * into the edges they merge, resolves default partitioning, and chains nodes that can share a
 * task. A node joins its input's chain when it has that one input, over a forward edge, from a
 * node it is the only reader of.
 */
public final class JobGraphBuilder {
    private final LogicalPlan plan;
    private final PlanValidator validator;
    private final Map<Integer, Integer> parallelism = new HashMap<>();
    private final Map<Integer, List<ResolvedInput>> resolvedInputs = new LinkedHashMap<>();
    private final Map<Integer, Integer> readers = new HashMap<>();

    /** An input edge of a node with unions dissolved, and which input of the node it feeds. */
    private record ResolvedInput(PlanEdge edge, int input) {}

    private JobGraphBuilder(LogicalPlan plan) {
        this.plan = plan;
        this.validator = new PlanValidator(plan);
    }

    public static JobGraph build(LogicalPlan plan) {
        return new JobGraphBuilder(plan).build();
    }

    private JobGraph build() {
        Map<Integer, byte[]> serialized = validator.validate();
        for (PlanNode node : plan.nodes()) {
            if (!isUnion(node)) {
                parallelism.put(node.id(), resolveParallelism(node));
            }
        }
        for (PlanNode node : plan.nodes()) {
            if (!isUnion(node)) {
                List<ResolvedInput> inputs = resolveInputs(node);
                resolvedInputs.put(node.id(), inputs);
                for (ResolvedInput input : inputs) {
                    readers.merge(input.edge().sourceId(), 1, Integer::sum);
                }
            }
        }
        PlanNode deadLetters = deadLetterNode(serialized);
        List<JobVertex> vertices = chain(deadLetters);
        return new JobGraph(plan, vertices, parallelism, serialized, deadLetters);
    }

    private int resolveParallelism(PlanNode node) {
        int configured = node.parallelism() != PlanNode.DEFAULT_PARALLELISM
                ? node.parallelism() : plan.config().parallelism();
        if (node.operation() instanceof Operation.SourceOp source) {
            int max = source.source().maxParallelism();
            if (configured > max) {
                if (node.parallelism() != PlanNode.DEFAULT_PARALLELISM) {
                    throw new InvalidJobException(plan.jobName(), "source " + node + " supports parallelism up to "
                            + max + " but is set to " + configured);
                }
                return max;
            }
        }
        return configured;
    }

    /** The node's inputs with unions dissolved and partitioning resolved. */
    private List<ResolvedInput> resolveInputs(PlanNode node) {
        List<ResolvedInput> resolved = new ArrayList<>();
        boolean twoInputs = node.operation() instanceof Operation.KeyedCoProcessOp;
        for (int input = 0; input < node.inputs().size(); input++) {
            List<PlanEdge> edges = new ArrayList<>();
            collectInputs(node, node.inputs().get(input), edges);
            for (PlanEdge edge : edges) {
                resolved.add(new ResolvedInput(edge, twoInputs ? input : 0));
            }
        }
        return resolved;
    }

    private void collectInputs(PlanNode reader, PlanEdge edge, List<PlanEdge> into) {
        PlanNode source = plan.node(edge.sourceId());
        if (!isUnion(source)) {
            into.add(new PlanEdge(edge.sourceId(), resolvePartitioning(reader, edge), edge.keySelector()));
            return;
        }
        for (PlanEdge unionInput : source.inputs()) {
            // The reader's own partitioning wins; a union input's applies when the reader left it default.
            collectInputs(reader, edge.partitioning() == Partitioning.DEFAULT ? unionInput
                    : new PlanEdge(unionInput.sourceId(), edge.partitioning(), edge.keySelector()), into);
        }
    }

    private Partitioning resolvePartitioning(PlanNode reader, PlanEdge edge) {
        boolean sameParallelism = parallelism.get(edge.sourceId()).equals(parallelism.get(reader.id()));
        return switch (edge.partitioning()) {
            case DEFAULT -> sameParallelism ? Partitioning.FORWARD : Partitioning.REBALANCE;
            case FORWARD -> {
                if (!sameParallelism) {
                    throw new InvalidJobException(plan.jobName(), "forward edge from " + plan.node(edge.sourceId())
                            + " (parallelism " + parallelism.get(edge.sourceId()) + ") to " + reader
                            + " (parallelism " + parallelism.get(reader.id()) + ") needs equal parallelism; "
                            + "use rebalance() or set the same parallelism");
                }
                yield Partitioning.FORWARD;
            }
            default -> edge.partitioning();
        };
    }

    private PlanNode deadLetterNode(Map<Integer, byte[]> serialized) {
        if (plan.deadLetterSink() == null || plan.nodes().stream()
                .noneMatch(node -> validator.effectivePolicy(node) == ErrorPolicy.DEAD_LETTER)) {
            return null;
        }
        int id = plan.nodes().stream().mapToInt(PlanNode::id).max().orElse(0) + 1;
        PlanNode node = new PlanNode(id, "dead-letters", new Operation.SinkOp(plan.deadLetterSink()));
        node.setParallelism(1);
        // Not the job's policy: the dead-letter sink has no dead-letter sink of its own to fall back on.
        node.setErrorPolicy(ErrorPolicy.FAIL);
        parallelism.put(id, 1);
        try {
            serialized.put(id, Functions.serialize(node.operation()));
        } catch (IOException e) {
            throw new InvalidJobException(plan.jobName(), "the dead-letter sink cannot be serialized: " + e, e);
        }
        return node;
    }

    private List<JobVertex> chain(PlanNode deadLetters) {
        List<JobVertex> vertices = new ArrayList<>();
        Map<Integer, JobVertex> vertexOf = new HashMap<>();
        for (PlanNode node : plan.nodes()) {
            if (isUnion(node)) {
                continue;
            }
            List<ResolvedInput> inputs = resolvedInputs.get(node.id());
            if (chainsOntoInput(inputs)) {
                JobVertex vertex = vertexOf.get(inputs.get(0).edge().sourceId());
                vertex.chain().add(node);
                vertexOf.put(node.id(), vertex);
                continue;
            }
            JobVertex vertex = new JobVertex(vertices.size(), node, parallelism.get(node.id()));
            vertices.add(vertex);
            vertexOf.put(node.id(), vertex);
            for (ResolvedInput input : inputs) {
                PlanEdge edge = input.edge();
                connect(vertexOf.get(edge.sourceId()), vertex, edge.partitioning(), edge, input.input(), false);
            }
        }
        if (deadLetters != null) {
            JobVertex sink = new JobVertex(vertices.size(), deadLetters, 1);
            for (JobVertex vertex : List.copyOf(vertices)) {
                if (vertex.chain().stream().anyMatch(n -> validator.effectivePolicy(n) == ErrorPolicy.DEAD_LETTER)) {
                    connect(vertex, sink, Partitioning.REBALANCE, null, 0, true);
                }
            }
            vertices.add(sink);
        }
        return vertices;
    }

    private boolean chainsOntoInput(List<ResolvedInput> inputs) {
        if (inputs.size() != 1) {
            return false;
        }
        PlanEdge input = inputs.get(0).edge();
        return input.partitioning() == Partitioning.FORWARD && readers.get(input.sourceId()) == 1;
    }

    private static void connect(JobVertex from, JobVertex to, Partitioning partitioning, PlanEdge edge, int targetInput,
            boolean deadLetters) {
        JobEdge jobEdge = new JobEdge(from, to, partitioning, edge == null ? null : edge.keySelector(), targetInput,
                deadLetters);
        from.outputs().add(jobEdge);
        to.inputs().add(jobEdge);
    }

    private static boolean isUnion(PlanNode node) {
        return node.operation() instanceof Operation.UnionOp;
    }
}
