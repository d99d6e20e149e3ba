package io.shepherd.api.windowing;

import java.io.Serializable;

/**
 * Incremental aggregation: each record is folded into an accumulator as it arrives, so a window
 * keeps one accumulator per key instead of its records.
 */
public interface AggregateFunction<T, A, R> extends Serializable {
    A createAccumulator();

    A add(T value, A accumulator) throws Exception;

    R getResult(A accumulator);
}
