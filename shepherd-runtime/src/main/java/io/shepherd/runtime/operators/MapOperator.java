package io.shepherd.runtime.operators;

import io.shepherd.api.functions.MapFunction;

final class MapOperator extends FunctionOperator<MapFunction<Object, Object>> {
    MapOperator(OperatorContext context, MapFunction<Object, Object> function) {
        super(context, function);
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
}
