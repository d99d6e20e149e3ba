package io.shepherd.api;

import io.shepherd.api.functions.KeySelector;
import io.shepherd.api.functions.KeyedProcessFunction;
import io.shepherd.api.functions.LongValueSelector;
import io.shepherd.api.functions.ReduceFunction;
import io.shepherd.api.internal.RollingReduce;
import io.shepherd.api.internal.RunningSum;
import io.shepherd.api.plan.Operation;
import io.shepherd.api.plan.Partitioning;
import io.shepherd.api.plan.PlanEdge;
import io.shepherd.api.tuple.Tuple2;
import io.shepherd.api.windowing.WindowAssigner;
import java.util.Objects;

/**
 * A stream partitioned by key. Operators on it run with the key of each record current: their
 * keyed state and timers belong to that key.
 */
public final class KeyedStream<T, K> {
    private final DataStream<T> input;
    private final KeySelector<T, K> keySelector;

    KeyedStream(DataStream<T> input, KeySelector<T, K> keySelector) {
        this.input = input;
        this.keySelector = keySelector;
    }

    public KeySelector<T, K> keySelector() {
        return keySelector;
    }

    public <R> DataStream<R> process(KeyedProcessFunction<K, T, R> function) {
        return keyedTransform("process", function);
    }

    /** A running reduce: emits, for each record, the reduction of its key's records so far. */
    public DataStream<T> reduce(ReduceFunction<T> reducer) {
        return keyedTransform("reduce", new RollingReduce<>(Objects.requireNonNull(reducer, "reduce function")));
    }

    /** A running count: emits {@code (key, records of that key so far)} for each record. */
    public DataStream<Tuple2<K, Long>> count() {
        return keyedTransform("count", new RunningSum<K, T>(record -> 1L));
    }

    /** A running sum: emits {@code (key, sum of the selected values of that key so far)} for each record. */
    public DataStream<Tuple2<K, Long>> sum(LongValueSelector<T> value) {
        return keyedTransform("sum", new RunningSum<K, T>(Objects.requireNonNull(value, "value selector")));
    }

    /** Groups each key's records into event-time windows. Needs timestamps and watermarks upstream. */
    public WindowedStream<T, K> window(WindowAssigner assigner) {
        return new WindowedStream<>(this, Objects.requireNonNull(assigner, "window assigner"));
    }

    <R> DataStream<R> keyedTransform(String name, KeyedProcessFunction<K, T, R> function) {
        return input.transform(name, new Operation.KeyedProcessOp(keySelector, function), keyedEdge());
    }

    <R> DataStream<R> keyedTransform(String name, Operation operation) {
        return input.transform(name, operation, keyedEdge());
    }

    /**
     * Connects another keyed stream with the same kind of key: a two-input operator then sees the
     * records of both, each with its key current, sharing that key's state and timers.
     */
    public <T2> ConnectedKeyedStreams<T, T2, K> connect(KeyedStream<T2, K> other) {
        if (other.input.env != input.env) {
            throw new IllegalArgumentException("cannot connect streams of different environments");
        }
        return new ConnectedKeyedStreams<>(this, other);
    }

    DataStream<T> input() {
        return input;
    }

    PlanEdge keyedEdge() {
        return new PlanEdge(input.node.id(), Partitioning.HASH, keySelector);
    }
}
