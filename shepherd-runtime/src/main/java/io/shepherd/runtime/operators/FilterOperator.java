package io.shepherd.runtime.operators;

import io.shepherd.api.functions.FilterFunction;

final class FilterOperator extends FunctionOperator<FilterFunction<Object>> {
    FilterOperator(OperatorContext context, FilterFunction<Object> function) {
        super(context, function);
    }

    @Override
    public void processElement(Object record, long timestamp) {
        context.counters().recordsIn++;
        boolean keep;
        try {
            keep = function.filter(record);
        } catch (Exception e) {
            recordFailed(record, timestamp, e);
            return;
        }
        if (keep) {
            emit(record, timestamp);
        }
    }
}
