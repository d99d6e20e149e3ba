package io.shepherd.runtime.task;

import io.shepherd.api.ErrorPolicy;
import io.shepherd.api.JobConfig;
import io.shepherd.api.ack.AckMetrics;
import io.shepherd.api.plan.Operation;
import io.shepherd.api.plan.Partitioning;
import io.shepherd.api.plan.PlanNode;
import io.shepherd.common.Clock;
import io.shepherd.runtime.channel.InputChannel;
import io.shepherd.runtime.channel.LocalChannel;
import io.shepherd.runtime.channel.OutputChannel;
import io.shepherd.runtime.checkpoint.TaskId;
import io.shepherd.runtime.graph.Functions;
import io.shepherd.runtime.graph.JobEdge;
import io.shepherd.runtime.graph.JobGraph;
import io.shepherd.runtime.graph.JobVertex;
import io.shepherd.runtime.metrics.OperatorCounters;
import io.shepherd.runtime.operators.OperatorContext;
import io.shepherd.runtime.operators.OperatorFactory;
import io.shepherd.runtime.operators.KeyedOperator;
import io.shepherd.runtime.operators.Output;
import io.shepherd.runtime.operators.RecordErrorHandler;
import io.shepherd.runtime.operators.StreamOperator;
import io.shepherd.runtime.partition.BroadcastPartitioner;
import io.shepherd.runtime.partition.ForwardPartitioner;
import io.shepherd.runtime.partition.KeyPartitioner;
import io.shepherd.runtime.partition.Partitioner;
import io.shepherd.runtime.partition.RebalancePartitioner;
import io.shepherd.runtime.state.snapshot.RestoredOperatorState;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Builds the tasks of a job graph inside this process: local channels for every edge, and per
 * subtask its own copy of the operators, wired into a chain between an input gate (or a source)
 * and its record writers. With checkpoints, every task gets its checkpointer, and state restored
 * from a checkpoint is put back into operators, sources and input gates before anything opens. In ack
 * mode, every task gets its ack side and the acker tasks come last ({@link AckWiring}).
 */
public final class Deployment {
    /** The vertex id of the acker tasks, which belong to no vertex of the graph. */
    public static final int ACKER_VERTEX = -1;
    private final JobGraph graph;
    private final JobConfig config;
    private final Clock clock;
    private final OperatorFactory operatorFactory;
    private final CheckpointServices checkpoints;
    private final RestoredJobState restored;
    private final Consumer<Task> onOutputEnded;
    // By identity: two edges between the same vertices (a stream unioned with itself) are two edges.
    private final Map<JobEdge, LocalChannel[][]> channels = new IdentityHashMap<>();
    private final Map<Integer, List<OperatorCounters>> counters = new LinkedHashMap<>();
    private final List<Task> tasks = new ArrayList<>();
    /** Ack mode's exchanges and ackers; null without ack mode. */
    private final AckWiring acking;
    private final List<String> taskNames = new ArrayList<>();

    private Deployment(JobGraph graph, Clock clock, CheckpointServices checkpoints, RestoredJobState restored,
            Consumer<Task> onOutputEnded) {
        this.graph = graph;
        this.config = graph.plan().config();
        this.clock = clock;
        this.operatorFactory = new OperatorFactory(config.watermarkIntervalMs());
        this.checkpoints = checkpoints;
        this.restored = restored;
        this.onOutputEnded = onOutputEnded;
        this.acking = config.acking().isEnabled() ? new AckWiring(config.acking(), config.parallelism(),
                config.bufferTimeout().toNanos(), taskNames)
                : null;
    }

    /** Creates every task of the graph, vertex by vertex in topological order, for a job without checkpoints. */
    public static Deployment of(JobGraph graph, Clock clock) {
        Set<Integer> all = new HashSet<>();
        graph.vertices().forEach(vertex -> all.add(vertex.id()));
        return of(graph, all, clock, null, null, task -> {});
    }

    /**
     * Creates the tasks of some of the graph's vertices — a whole region: every edge of a vertex
     * must lead to a vertex of the set — in topological order.
     *
     * @param checkpoints null for a job without checkpoints
     * @param restored the state to start from, or null to start empty
     * @param onOutputEnded with checkpoints: hears of every task whose output has ended
     */
    public static Deployment of(JobGraph graph, Set<Integer> vertexIds, Clock clock, CheckpointServices checkpoints,
            RestoredJobState restored, Consumer<Task> onOutputEnded) {
        Deployment deployment = new Deployment(graph, clock, checkpoints, restored, onOutputEnded);
        List<JobVertex> vertices = graph.vertices().stream().filter(vertex -> vertexIds.contains(vertex.id())).toList();
        for (JobVertex vertex : vertices) {
            for (PlanNode node : vertex.chain()) {
                deployment.counters.put(node.id(), new ArrayList<>());
            }
        }
        for (JobVertex vertex : vertices) {
            for (JobEdge edge : vertex.outputs()) {
                if (!vertexIds.contains(edge.target().id())) {
                    throw new IllegalArgumentException("vertex " + vertex.id() + " has an edge out of the region " + vertexIds);
                }
                deployment.createChannels(edge);
            }
        }
        for (JobVertex vertex : vertices) {
            for (int subtask = 0; subtask < vertex.parallelism(); subtask++) {
                deployment.addTask(deployment.createTask(vertex, subtask));
            }
        }
        if (deployment.acking != null) {
            deployment.createAckers();
        }
        return deployment;
    }

    public List<Task> tasks() {
        return tasks;
    }

    /** Ack mode's counters and complete latency, summed; {@link AckMetrics#NONE} without ack mode. */
    public AckMetrics ackMetrics() {
        return acking == null ? AckMetrics.NONE : acking.metrics();
    }

    private void addTask(Task task) {
        tasks.add(task);
        taskNames.add(task.toString());
    }

    private void createAckers() {
        List<AckerDriver> ackers = acking.createAckers(clock.nanoTime());
        for (int i = 0; i < ackers.size(); i++) {
            addTask(Task.acker(new TaskId(ACKER_VERTEX, i), "acker", ackers.get(i), clock));
        }
    }

    /** Every operator subtask's counters, by plan node id, in the order of the graph's vertices. */
    public Map<Integer, List<OperatorCounters>> counters() {
        return counters;
    }

    private void createChannels(JobEdge edge) {
        int senders = edge.source().parallelism();
        int receivers = edge.target().parallelism();
        LocalChannel[][] matrix = new LocalChannel[senders][receivers];
        for (int s = 0; s < senders; s++) {
            for (int r = 0; r < receivers; r++) {
                if (!isForward(edge) || s == r) {
                    matrix[s][r] = new LocalChannel(config.channelCapacityBatches());
                }
            }
        }
        channels.put(edge, matrix);
    }

    private Task createTask(JobVertex vertex, int subtask) {
        TaskAcking taskAcking = acking == null ? null : acking.forTask(tasks.size());
        OwnedRoots sourceRoots = null;
        if (taskAcking != null && vertex.isSource()) {
            sourceRoots = acking.ownSource("source '" + vertex.head().name() + "' subtask " + subtask, taskAcking,
                    clock.nanoTime());
            if (hasOneChildPerRecord(vertex)) {
                taskAcking.delegateInits(sourceRoots);
            }
        }
        List<RecordWriter> mainWriters = new ArrayList<>();
        RecordWriter deadLetters = null;
        for (JobEdge edge : vertex.outputs()) {
            RecordWriter writer = createWriter(edge, subtask, taskAcking);
            if (edge.deadLetters()) {
                deadLetters = writer;
            } else {
                mainWriters.add(writer);
            }
        }
        TaskOutputs outputs = new TaskOutputs(mainWriters, deadLetters);

        List<PlanNode> chain = vertex.chain();
        List<StreamOperator> operators = new ArrayList<>();
        for (PlanNode node : vertex.isSource() ? chain.subList(1, chain.size()) : chain) {
            operators.add(createOperator(node, subtask, deadLetters));
        }
        for (int i = 0; i < operators.size(); i++) {
            Output next = i + 1 < operators.size() ? new ChainedOutput(operators.get(i + 1)) : outputs;
            operators.get(i).setOutput(taskAcking == null ? next : ackedOutput(operators.get(i), next, taskAcking));
        }
        Output chainInput = operators.isEmpty() ? outputs : new ChainedOutput(operators.get(0));

        TaskId id = new TaskId(vertex.id(), subtask);
        SourceDriver source = null;
        InputGate gate = null;
        if (vertex.isSource()) {
            PlanNode head = vertex.head();
            Operation.SourceOp op = Functions.deserialize(graph.serializedOperations().get(head.id()));
            source = new SourceDriver(op.source(), context(head, subtask, false), chainInput);
            if (taskAcking != null) {
                source.ackWith(taskAcking, sourceRoots);
            }
        } else {
            List<JobEdge> inputEdges = new ArrayList<>();
            InputChannel[] channels = inputChannels(vertex, subtask, inputEdges);
            gate = new InputGate(channels, inputEdges.stream().mapToInt(JobEdge::targetInput).toArray(), clock);
        }
        if (restored != null) {
            restore(id, vertex.parallelism(), source, operators, gate);
        }
        Task task = new Task(id, vertex.name(), operators, chainInput, source, gate, outputs, clock,
                config.batchSize(), config.bufferTimeout().toNanos());
        if (taskAcking != null) {
            task.enableAcking(taskAcking);
        }
        if (checkpoints != null) {
            task.enableCheckpoints(new TaskCheckpointer(id, task.toString(), source, operators, gate, outputs,
                    checkpoints, clock), onOutputEnded);
        }
        return task;
    }

    /**
     * Ack mode: a record failing in {@code operator} fails its trees instead of the job; a sink is flushed
     * before what it wrote is acked; a keyed operator owns what it emits from state.
     */
    private Output ackedOutput(StreamOperator operator, Output next, TaskAcking taskAcking) {
        operator.context().setAckControl(taskAcking);
        if (operator.writesOut()) {
            taskAcking.flushBeforeAcking(operator);
        }
        if (!(operator instanceof KeyedOperator)) {
            return next;
        }
        String name = "operator '" + operator.context().operatorName() + "' subtask " + operator.context().subtaskIndex();
        return new OwnedOutput(next, acking.ownKeyedOutput(name, taskAcking, clock.nanoTime()), taskAcking);
    }

    /** A source vertex whose every record leaves it as exactly one record: nothing chained, one edge, no broadcast. */
    private static boolean hasOneChildPerRecord(JobVertex vertex) {
        return vertex.chain().size() == 1 && vertex.outputs().size() == 1
                && vertex.outputs().get(0).partitioning() != Partitioning.BROADCAST;
    }

    private void restore(TaskId id, int parallelism, SourceDriver source, List<StreamOperator> operators, InputGate gate) {
        if (source != null) {
            RestoredOperatorState state = restored.operatorState(source.uid(), id.subtask(), parallelism);
            if (state != null) {
                source.restore(state);
            }
        }
        for (StreamOperator operator : operators) {
            RestoredOperatorState state = restored.operatorState(operator.context().uid(), id.subtask(), parallelism);
            if (state != null) {
                operator.restoreState(state);
            }
        }
        TaskState taskState = restored.taskState(id);
        if (gate != null && taskState != null) {
            gate.restore(taskState);
        }
    }

    private StreamOperator createOperator(PlanNode node, int subtask, RecordWriter deadLetters) {
        Operation operation = Functions.deserialize(graph.serializedOperations().get(node.id()));
        OperatorContext context = context(node, subtask, operation.keySelector() != null);
        ErrorPolicy policy = node.errorPolicy() != null ? node.errorPolicy() : config.errorPolicy();
        context.setErrorHandler(new RecordErrorHandler(policy, node.name(), subtask, context.counters(),
                policy == ErrorPolicy.DEAD_LETTER ? deadLetters : null));
        return operatorFactory.create(operation, context);
    }

    private OperatorContext context(PlanNode node, int subtask, boolean keyed) {
        OperatorContext context = new OperatorContext(node.name(), uidOf(node), subtask, graph.parallelismOf(node),
                config.maxParallelism(), keyed, clock);
        context.setCheckpointing(config.checkpointing().isEnabled());
        counters.get(node.id()).add(context.counters());
        return context;
    }

    /** The id an operator's state is stored under: the user's uid, else one derived from the plan. */
    public static String uidOf(PlanNode node) {
        return node.uid() != null ? node.uid() : "auto-" + node.id() + "-" + node.name();
    }

    private RecordWriter createWriter(JobEdge edge, int subtask, TaskAcking taskAcking) {
        LocalChannel[] row = channels.get(edge)[subtask];
        OutputChannel[] targets = isForward(edge) ? new OutputChannel[] {row[subtask]} : row;
        return new RecordWriter(targets, partitioner(edge, subtask), edge.target().head().name(), subtask,
                config.batchSize(), taskAcking);
    }

    private Partitioner partitioner(JobEdge edge, int subtask) {
        int receivers = edge.target().parallelism();
        return switch (edge.partitioning()) {
            case FORWARD -> new ForwardPartitioner();
            case HASH -> new KeyPartitioner(edge.keySelector(), edge.target().head().name(), config.maxParallelism(),
                    receivers);
            case REBALANCE -> new RebalancePartitioner(receivers, subtask);
            case BROADCAST -> new BroadcastPartitioner();
            case DEFAULT -> throw new IllegalStateException("unresolved partitioning on " + edge);
        };
    }

    /** The subtask's input channels, edge by edge; {@code edgeOfChannel} gets the edge of each. */
    private InputChannel[] inputChannels(JobVertex vertex, int subtask, List<JobEdge> edgeOfChannel) {
        List<InputChannel> inputs = new ArrayList<>();
        for (JobEdge edge : vertex.inputs()) {
            LocalChannel[][] matrix = channels.get(edge);
            for (LocalChannel[] row : matrix) {
                if (row[subtask] != null) {
                    inputs.add(row[subtask]);
                    edgeOfChannel.add(edge);
                }
            }
        }
        return inputs.toArray(new InputChannel[0]);
    }

    private static boolean isForward(JobEdge edge) {
        return edge.partitioning() == Partitioning.FORWARD;
    }
}
