package io.shepherd.runtime.operators;

import io.shepherd.api.functions.MapFunction;

final class MapOperator extends StreamOperator {
    private final MapFunction<Object, Object> function;

    MapOperator(OperatorContext context, MapFunction<Object, Object> function) {
        super(context);
        this.function = function;
    }

    @Override
    public void open() throws Exception {
        openFunction(function);
    }

    @Override
    public void processElement(Object record, long timestamp) {
        context.counters().recordsIn++;
        Object result;
        try {
            result = function.map(record);
        } catch (Exception e) {
            recordFailed(record, timestamp, e);
            return;
        }
        emit(result, timestamp);
    }

    @Override
    public void close() throws Exception {
        closeFunction(function);
    }
}
