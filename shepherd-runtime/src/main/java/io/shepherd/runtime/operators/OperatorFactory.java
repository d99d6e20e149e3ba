package io.shepherd.runtime.operators;

import io.shepherd.api.functions.FilterFunction;
import io.shepherd.api.functions.FlatMapFunction;
import io.shepherd.api.functions.MapFunction;
import io.shepherd.api.functions.ProcessFunction;
import io.shepherd.api.plan.Operation;

/**
 * Turns a plan operation into the operator that runs it. Sources are not operators: their tasks
 * poll them directly ({@code SourceDriver}).
 */
public final class OperatorFactory {
    private final long watermarkIntervalMs;

    /** @param watermarkIntervalMs how often timestamp assigners emit watermarks, in processing time */
    public OperatorFactory(long watermarkIntervalMs) {
        this.watermarkIntervalMs = watermarkIntervalMs;
    }

    @SuppressWarnings("unchecked")
    public StreamOperator create(Operation operation, OperatorContext context) {
        if (operation instanceof Operation.MapOp op) {
            return new MapOperator(context, (MapFunction<Object, Object>) op.function());
        } else if (operation instanceof Operation.FlatMapOp op) {
            return new FlatMapOperator(context, (FlatMapFunction<Object, Object>) op.function());
        } else if (operation instanceof Operation.FilterOp op) {
            return new FilterOperator(context, (FilterFunction<Object>) op.function());
        } else if (operation instanceof Operation.ProcessOp op) {
            return new ProcessOperator(context, (ProcessFunction<Object, Object>) op.function());
        } else if (operation instanceof Operation.KeyedProcessOp op) {
            return new KeyedProcessOperator(context, op.keySelector(), op.function());
        } else if (operation instanceof Operation.KeyedCoProcessOp op) {
            return new KeyedProcessOperator(context, op.keySelector(), op.keySelector2(), op.function());
        } else if (operation instanceof Operation.TimestampsOp op) {
            return new TimestampsOperator(context, op.strategy(), watermarkIntervalMs);
        } else if (operation instanceof Operation.WindowOp op) {
            return new WindowOperator(context, op.keySelector(), op.assigner(), op.aggregate(), op.emitter());
        } else if (operation instanceof Operation.SinkOp op) {
            return new SinkOperator(context, op.sink());
        }
        throw new IllegalArgumentException("no operator for " + operation.getClass().getSimpleName()
                + " in '" + context.operatorName() + "'");
    }
}
