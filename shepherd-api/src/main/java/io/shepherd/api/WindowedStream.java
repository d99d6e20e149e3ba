package io.shepherd.api;

import io.shepherd.api.functions.ReduceFunction;
import io.shepherd.api.internal.CollectAll;
import io.shepherd.api.internal.EmitResult;
import io.shepherd.api.internal.ReduceAggregate;
import io.shepherd.api.plan.Operation;
import io.shepherd.api.windowing.AggregateFunction;
import io.shepherd.api.windowing.ProcessWindowFunction;
import io.shepherd.api.windowing.WindowAssigner;
import java.util.List;
import java.util.Objects;

/**
 * A keyed stream grouped into event-time windows. A window fires once, when the watermark passes
 * its end; records behind the watermark for all their windows are dropped and counted as late.
 * Output records carry the window's {@link io.shepherd.api.windowing.TimeWindow#maxTimestamp()}.
 */
public final class WindowedStream<T, K> {
    private final KeyedStream<T, K> input;
    private final WindowAssigner assigner;

    WindowedStream(KeyedStream<T, K> input, WindowAssigner assigner) {
        this.input = input;
        this.assigner = assigner;
    }

    /** Reduces each window incrementally to one record. */
    public DataStream<T> reduce(ReduceFunction<T> reducer) {
        return window("window-reduce", new ReduceAggregate<>(Objects.requireNonNull(reducer, "reduce function")),
                new EmitResult<>());
    }

    /** Aggregates each window incrementally with one accumulator per key and window. */
    public <A, R> DataStream<R> aggregate(AggregateFunction<T, A, R> aggregate) {
        return window("window-aggregate", Objects.requireNonNull(aggregate, "aggregate function"), new EmitResult<>());
    }

    /** Hands all of a window's records to the function when the window fires. */
    public <R> DataStream<R> process(ProcessWindowFunction<T, R, K> function) {
        ProcessWindowFunction<List<T>, R, K> emitter = (key, window, lists, out) -> {
            for (List<T> elements : lists) {
                function.process(key, window, elements, out);
            }
        };
        return window("window-process", new CollectAll<T>(), emitter);
    }

    private <A, M, R> DataStream<R> window(
            String name, AggregateFunction<T, A, M> aggregate, ProcessWindowFunction<M, R, K> emitter) {
        Objects.requireNonNull(emitter, "window function");
        return input.keyedTransform(
                name, new Operation.WindowOp(input.keySelector(), assigner, aggregate, emitter));
    }
}
