package io.shepherd.runtime.operators;

import io.shepherd.api.functions.FilterFunction;

final class FilterOperator extends StreamOperator {
    private final FilterFunction<Object> function;

    FilterOperator(OperatorContext context, FilterFunction<Object> function) {
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

    @Override
    public void close() throws Exception {
        closeFunction(function);
    }
}
