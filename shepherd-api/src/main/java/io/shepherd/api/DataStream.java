package io.shepherd.api;

import io.shepherd.api.functions.FilterFunction;
import io.shepherd.api.functions.FlatMapFunction;
import io.shepherd.api.functions.KeySelector;
import io.shepherd.api.functions.MapFunction;
import io.shepherd.api.functions.ProcessFunction;
import io.shepherd.api.plan.Operation;
import io.shepherd.api.plan.Partitioning;
import io.shepherd.api.plan.PlanEdge;
import io.shepherd.api.plan.PlanNode;
import io.shepherd.api.sink.Sink;
import io.shepherd.api.time.WatermarkStrategy;
import java.util.Objects;

/**
 * A stream of records of type {@code T}: the output of one operator. Transformations return new
 * streams; the setters ({@link #name}, {@link #uid}, {@link #setParallelism}, {@link #errorPolicy})
 * configure the operator that produces this stream and return it for chaining.
 */
public class DataStream<T> {
    final StreamEnvironment env;
    final PlanNode node;
    private final Partitioning partitioning;

    DataStream(StreamEnvironment env, PlanNode node) {
        this(env, node, Partitioning.DEFAULT);
    }

    private DataStream(StreamEnvironment env, PlanNode node, Partitioning partitioning) {
        this.env = env;
        this.node = node;
        this.partitioning = partitioning;
    }

    public <R> DataStream<R> map(MapFunction<T, R> function) {
        return transform("map", new Operation.MapOp(function));
    }

    public <R> DataStream<R> flatMap(FlatMapFunction<T, R> function) {
        return transform("flatMap", new Operation.FlatMapOp(function));
    }

    public DataStream<T> filter(FilterFunction<T> function) {
        return transform("filter", new Operation.FilterOp(function));
    }

    public <R> DataStream<R> process(ProcessFunction<T, R> function) {
        return transform("process", new Operation.ProcessOp(function));
    }

    /** Gives records event timestamps and derives watermarks from them. */
    public DataStream<T> assignTimestampsAndWatermarks(WatermarkStrategy<T> strategy) {
        return transform("timestamps", new Operation.TimestampsOp(strategy));
    }

    /** Partitions the stream by key: state and timers of the next operator are scoped by key. */
    public <K> KeyedStream<T, K> keyBy(KeySelector<T, K> keySelector) {
        return new KeyedStream<>(this, Objects.requireNonNull(keySelector, "key selector"));
    }

    /** Merges streams of the same type; records of each input keep their order, inputs interleave. */
    @SafeVarargs
    public final DataStream<T> union(DataStream<T>... others) {
        PlanNode union = env.addNode("union", new Operation.UnionOp());
        union.addInput(edgeFromHere());
        for (DataStream<T> other : others) {
            if (other.env != env) {
                throw new IllegalArgumentException("cannot union streams of different environments");
            }
            union.addInput(other.edgeFromHere());
        }
        return new DataStream<>(env, union);
    }

    /** The next operator receives this stream round-robin over its subtasks. */
    public DataStream<T> rebalance() {
        return new DataStream<>(env, node, Partitioning.REBALANCE);
    }

    /** Every subtask of the next operator receives every record. */
    public DataStream<T> broadcast() {
        return new DataStream<>(env, node, Partitioning.BROADCAST);
    }

    /** Subtask i of the next operator receives from subtask i only; the parallelisms must match. */
    public DataStream<T> forward() {
        return new DataStream<>(env, node, Partitioning.FORWARD);
    }

    public SinkStream sink(Sink<T> sink) {
        PlanNode sinkNode = env.addNode("sink", new Operation.SinkOp(Objects.requireNonNull(sink, "sink")));
        sinkNode.addInput(edgeFromHere());
        return new SinkStream(sinkNode);
    }

    public DataStream<T> name(String name) {
        node.setName(name);
        return this;
    }

    /** A stable id for the operator that checkpoints and savepoints key its state by. */
    public DataStream<T> uid(String uid) {
        node.setUid(uid);
        return this;
    }

    public DataStream<T> setParallelism(int parallelism) {
        node.setParallelism(parallelism);
        return this;
    }

    public DataStream<T> errorPolicy(ErrorPolicy policy) {
        node.setErrorPolicy(policy);
        return this;
    }

    <R> DataStream<R> transform(String name, Operation operation) {
        return transform(name, operation, edgeFromHere());
    }

    <R> DataStream<R> transform(String name, Operation operation, PlanEdge input) {
        for (Object function : operation.functions()) {
            Objects.requireNonNull(function, () -> "a function of '" + name + "' is null");
        }
        PlanNode next = env.addNode(name, operation);
        next.addInput(input);
        return new DataStream<>(env, next);
    }

    PlanEdge edgeFromHere() {
        return new PlanEdge(node.id(), partitioning, null);
    }

    /** The end of a stream; configures the sink operator. */
    public static final class SinkStream {
        private final PlanNode node;

        SinkStream(PlanNode node) {
            this.node = node;
        }

        public SinkStream name(String name) {
            node.setName(name);
            return this;
        }

        public SinkStream uid(String uid) {
            node.setUid(uid);
            return this;
        }

        public SinkStream setParallelism(int parallelism) {
            node.setParallelism(parallelism);
            return this;
        }

        public SinkStream errorPolicy(ErrorPolicy policy) {
            node.setErrorPolicy(policy);
            return this;
        }
    }
}
