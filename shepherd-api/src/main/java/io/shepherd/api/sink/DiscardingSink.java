package io.shepherd.api.sink;

import io.shepherd.api.functions.FunctionContext;

/** Drops every record; for benchmarks, where only the work upstream is of interest. */
public final class DiscardingSink<T> implements Sink<T> {
    @Override
    public SinkWriter<T> createWriter(FunctionContext context) {
        return record -> {};
    }
}
