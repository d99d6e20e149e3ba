package io.shepherd.api;

import io.shepherd.api.functions.KeyedCoProcessFunction;
import io.shepherd.api.plan.Operation;
import io.shepherd.api.plan.PlanNode;
import java.util.Objects;

/** Two keyed streams with the same kind of key, to be processed together by one two-input operator. */
public final class ConnectedKeyedStreams<T1, T2, K> {
    private final KeyedStream<T1, K> first;
    private final KeyedStream<T2, K> second;

    ConnectedKeyedStreams(KeyedStream<T1, K> first, KeyedStream<T2, K> second) {
        this.first = first;
        this.second = second;
    }

    public <R> DataStream<R> process(KeyedCoProcessFunction<K, T1, T2, R> function) {
        Operation operation = new Operation.KeyedCoProcessOp(first.keySelector(), second.keySelector(),
                Objects.requireNonNull(function, "co-process function"));
        PlanNode node = first.input().env.addNode("co-process", operation);
        node.addInput(first.keyedEdge());
        node.addInput(second.keyedEdge());
        return new DataStream<>(first.input().env, node);
    }
}
