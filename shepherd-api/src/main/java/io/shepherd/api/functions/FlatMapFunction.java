package io.shepherd.api.functions;

import java.io.Serializable;

/** Turns each record into zero or more records, emitted through the collector. */
@FunctionalInterface
public interface FlatMapFunction<I, O> extends Serializable {
    void flatMap(I value, Collector<O> out) throws Exception;
}
