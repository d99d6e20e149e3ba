package io.shepherd.runtime.operators;

import io.shepherd.api.ack.Anchoring;
import io.shepherd.api.functions.ProcessFunction;
import io.shepherd.api.time.TimerService;

/** Runs a {@link ProcessFunction} on a stream that is not keyed: time is readable, timers are not settable. */
final class ProcessOperator extends FunctionOperator<ProcessFunction<Object, Object>>
        implements ProcessFunction.Context, TimerService {
    private final TimestampedCollector collector = new TimestampedCollector(this);
    private final OperatorAnchoring anchoring;
    private long timestamp = NO_TIMESTAMP;
    private long watermark = Long.MIN_VALUE;

    ProcessOperator(OperatorContext context, ProcessFunction<Object, Object> function) {
        super(context, function);
        this.anchoring = new OperatorAnchoring(collector, context);
    }

    @Override
    public void processElement(Object record, long timestamp) {
        context.counters().recordsIn++;
        this.timestamp = timestamp;
        collector.setTimestamp(timestamp);
        try {
            function.processElement(record, this, collector);
        } catch (Exception e) {
            recordFailed(record, timestamp, e);
        }
    }

    @Override
    public void processWatermark(long watermark) {
        this.watermark = Math.max(this.watermark, watermark);
        super.processWatermark(watermark);
    }

    @Override
    public long timestamp() {
        return timestamp;
    }

    @Override
    public TimerService timerService() {
        return this;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <O> Anchoring<O> anchoring() {
        return (Anchoring<O>) anchoring;
    }

    @Override
    public long currentProcessingTime() {
        return context.clock().currentTimeMillis();
    }

    @Override
    public long currentWatermark() {
        return watermark;
    }

    @Override
    public void registerEventTimeTimer(long timestamp) {
        throw timersNeedKeys();
    }

    @Override
    public void registerProcessingTimeTimer(long timestamp) {
        throw timersNeedKeys();
    }

    @Override
    public void deleteEventTimeTimer(long timestamp) {
        throw timersNeedKeys();
    }

    @Override
    public void deleteProcessingTimeTimer(long timestamp) {
        throw timersNeedKeys();
    }

    private UnsupportedOperationException timersNeedKeys() {
        return new UnsupportedOperationException("operator '" + context.operatorName()
                + "' is not on a keyed stream: timers need keyBy(...) and a KeyedProcessFunction");
    }
}
