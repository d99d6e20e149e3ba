package io.shepherd.runtime.operators;

import io.shepherd.api.functions.Collector;

/** Emits what a function collects with the timestamp of the record (or timer) being processed. */
final class TimestampedCollector implements Collector<Object> {
    private final StreamOperator operator;
    private long timestamp = StreamOperator.NO_TIMESTAMP;

    TimestampedCollector(StreamOperator operator) {
        this.operator = operator;
    }

    void setTimestamp(long timestamp) {
        this.timestamp = timestamp;
    }

    @Override
    public void collect(Object record) {
        operator.emit(record, timestamp);
    }
}
