package io.shepherd.testing;

import io.shepherd.api.DataStream;
import io.shepherd.api.JobConfig;
import io.shepherd.api.StreamEnvironment;
import io.shepherd.api.execution.JobExecutor;
import io.shepherd.api.internal.CollectionSource;
import io.shepherd.api.plan.LogicalPlan;
import io.shepherd.api.plan.Operation;
import io.shepherd.api.plan.Partitioning;
import io.shepherd.api.plan.PlanEdge;
import io.shepherd.api.plan.PlanNode;
import io.shepherd.api.sink.DiscardingSink;
import io.shepherd.runtime.graph.JobGraph;
import io.shepherd.runtime.graph.JobGraphBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A job made of exactly one operator between an empty source and a discarding sink: the smallest
 * job the runtime accepts around the operator under test. It lets the harness have the operator
 * validated and its functions serialized by the same code that does it for every job, so a
 * function that would fail to ship fails here too, with the same message.
 */
final class OperatorPlan {
    /** An environment used only to describe a stream; nothing may run on it. */
    private static final JobExecutor DESCRIBE_ONLY = plan -> {
        throw new IllegalStateException("an operator harness describes a stream to test one operator; it never "
                + "runs a job. Run whole jobs with PipelineHarness");
    };

    private final LogicalPlan plan;
    private final PlanNode node;

    private OperatorPlan(LogicalPlan plan, PlanNode node) {
        this.plan = plan;
        this.node = node;
    }

    /** The operator that {@code build} adds to a stream, built by the API exactly as in a job. */
    static <I> OperatorPlan ofStream(Function<DataStream<I>, ? extends DataStream<?>> build) {
        StreamEnvironment env = StreamEnvironment.create(DESCRIBE_ONLY);
        env.setDeadLetterSink(new DiscardingSink<>());
        DataStream<I> input = env.fromCollection(List.of());
        DataStream<?> output = build.apply(input);
        if (output == null) {
            throw new IllegalArgumentException("the stream function returned null; return the stream the operator "
                    + "under test produces, e.g. s -> s.map(fn)");
        }
        discard(output);
        LogicalPlan plan = env.buildPlan("test of one operator");
        List<PlanNode> nodes = plan.nodes();
        // The first node is the input, the last the sink added above; the operator is what lies between.
        List<PlanNode> added = nodes.subList(1, nodes.size() - 1);
        if (added.size() != 1 || added.get(0).operation() instanceof Operation.UnionOp) {
            throw new IllegalArgumentException("an operator harness runs exactly one operator, but the stream "
                    + "function added " + describe(added) + "; test several operators together with PipelineHarness");
        }
        return new OperatorPlan(plan, added.get(0));
    }

    /** The given operation, fed by a keyed edge when it is keyed, as the API would feed it. */
    static OperatorPlan of(Operation operation) {
        if (operation instanceof Operation.SourceOp || operation instanceof Operation.UnionOp) {
            throw new IllegalArgumentException("a " + operation.getClass().getSimpleName() + " is not an operator: "
                    + "test sources and unions in a job with PipelineHarness");
        }
        List<PlanNode> nodes = new ArrayList<>();
        nodes.add(new PlanNode(0, "input", new Operation.SourceOp(new CollectionSource<>(List.of()))));
        PlanNode node = new PlanNode(1, defaultName(operation), operation);
        node.addInput(operation.keySelector() != null
                ? new PlanEdge(0, Partitioning.HASH, operation.keySelector())
                : new PlanEdge(0, Partitioning.DEFAULT, null));
        nodes.add(node);
        if (!(operation instanceof Operation.SinkOp)) {
            PlanNode sink = new PlanNode(2, "sink", new Operation.SinkOp(new DiscardingSink<>()));
            sink.addInput(new PlanEdge(1, Partitioning.DEFAULT, null));
            nodes.add(sink);
        }
        LogicalPlan plan = new LogicalPlan("test of one operator", nodes, new JobConfig(), new DiscardingSink<>());
        return new OperatorPlan(plan, node);
    }

    PlanNode node() {
        return node;
    }

    JobConfig config() {
        return plan.config();
    }

    /**
     * Validates the job and serializes the operator's operation, as submitting the job would.
     *
     * @throws io.shepherd.runtime.graph.InvalidJobException when the job would be rejected, e.g.
     *     because a function cannot be serialized
     */
    ShippedOperation ship() {
        JobGraph graph = JobGraphBuilder.build(plan);
        byte[] bytes = graph.serializedOperations().get(node.id());
        String uid = node.uid() != null ? node.uid() : "auto-" + node.id() + "-" + node.name();
        return new ShippedOperation(node.operation(), node.name(), uid,
                node.errorPolicy() != null ? node.errorPolicy() : plan.config().errorPolicy(),
                plan.config().maxParallelism(), plan.config().watermarkIntervalMs(), bytes);
    }

    private static <T> void discard(DataStream<T> stream) {
        stream.sink(new DiscardingSink<>());
    }

    private static String describe(List<PlanNode> nodes) {
        if (nodes.isEmpty()) {
            return "none";
        }
        List<String> names = new ArrayList<>();
        for (PlanNode n : nodes) {
            names.add(n.toString());
        }
        return nodes.size() + " (" + String.join(", ", names) + ")";
    }

    /** The names the API gives these operations, so messages read the same as in a job. */
    private static String defaultName(Operation operation) {
        if (operation instanceof Operation.MapOp) {
            return "map";
        } else if (operation instanceof Operation.FlatMapOp) {
            return "flatMap";
        } else if (operation instanceof Operation.FilterOp) {
            return "filter";
        } else if (operation instanceof Operation.ProcessOp || operation instanceof Operation.KeyedProcessOp) {
            return "process";
        } else if (operation instanceof Operation.TimestampsOp) {
            return "timestamps";
        } else if (operation instanceof Operation.WindowOp) {
            return "window";
        } else if (operation instanceof Operation.SinkOp) {
            return "sink";
        }
        return operation.getClass().getSimpleName();
    }
}
