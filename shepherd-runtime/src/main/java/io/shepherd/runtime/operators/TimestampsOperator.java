package io.shepherd.runtime.operators;

import io.shepherd.api.time.TimestampAssigner;
import io.shepherd.api.time.WatermarkStrategy;

/**
 * Gives records their event timestamps and emits watermarks from them, every
 * {@code intervalMs} of processing time when they advanced. Upstream watermarks are replaced by
 * its own, except the final one that marks the end of the input.
 */
final class TimestampsOperator extends StreamOperator {
    private final TimestampAssigner<Object> assigner;
    private final long maxOutOfOrdernessMs;
    private final long intervalMs;
    private long maxTimestamp = Long.MIN_VALUE;
    private long lastWatermark = Long.MIN_VALUE;
    private long nextEmitMs = Long.MIN_VALUE;

    @SuppressWarnings("unchecked")
    TimestampsOperator(OperatorContext context, WatermarkStrategy<?> strategy, long intervalMs) {
        super(context);
        this.assigner = (TimestampAssigner<Object>) strategy.assigner();
        this.maxOutOfOrdernessMs = strategy.maxOutOfOrdernessMs();
        this.intervalMs = intervalMs;
    }

    @Override
    public void processElement(Object record, long timestamp) {
        context.counters().recordsIn++;
        long assigned;
        try {
            assigned = assigner.extractTimestamp(record);
        } catch (Exception e) {
            recordFailed(record, timestamp, e);
            return;
        }
        maxTimestamp = Math.max(maxTimestamp, assigned);
        emit(record, assigned);
    }

    @Override
    public void processWatermark(long watermark) {
        if (watermark == Long.MAX_VALUE) {
            lastWatermark = watermark;
            emitWatermark(watermark);
        }
    }

    @Override
    public void onProcessingTime(long nowMs) {
        if (nowMs < nextEmitMs) {
            return;
        }
        nextEmitMs = nowMs + intervalMs;
        if (maxTimestamp == Long.MIN_VALUE) {
            return;
        }
        long watermark = maxTimestamp - maxOutOfOrdernessMs - 1;
        if (watermark > lastWatermark) {
            lastWatermark = watermark;
            emitWatermark(watermark);
        }
    }
}
