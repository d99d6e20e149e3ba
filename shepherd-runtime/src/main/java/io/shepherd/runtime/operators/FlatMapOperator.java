package io.shepherd.runtime.operators;

import io.shepherd.api.functions.FlatMapFunction;

final class FlatMapOperator extends FunctionOperator<FlatMapFunction<Object, Object>> {
    private final TimestampedCollector collector = new TimestampedCollector(this);

    FlatMapOperator(OperatorContext context, FlatMapFunction<Object, Object> function) {
        super(context, function);
    }

    @Override
    public void processElement(Object record, long timestamp) {
        context.counters().recordsIn++;
        collector.setTimestamp(timestamp);
        try {
            function.flatMap(record, collector);
        } catch (Exception e) {
            recordFailed(record, timestamp, e);
        }
    }
}
