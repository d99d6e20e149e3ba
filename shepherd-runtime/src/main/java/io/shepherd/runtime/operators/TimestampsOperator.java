package io.shepherd.runtime.operators;

import io.shepherd.api.state.ListState;
import io.shepherd.api.state.ListStateDescriptor;
import io.shepherd.api.time.TimestampAssigner;
import io.shepherd.api.time.WatermarkStrategy;
import java.util.Iterator;
import java.util.List;

/**
 * Gives records their event timestamps and emits watermarks from them, every
 * {@code intervalMs} of processing time when they advanced. Upstream watermarks are replaced by
 * its own, except the final one that marks the end of the input.
 */
final class TimestampsOperator extends StreamOperator {
    private static final ListStateDescriptor<Long> PROGRESS = new ListStateDescriptor<>("watermark-progress", Long.class);
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

    /** Continues from a restored checkpoint's progress, so watermarks never go back. */
    @Override
    public void open() {
        Iterator<Long> restored = context.getOperatorListState(PROGRESS).get().iterator();
        if (restored.hasNext()) {
            maxTimestamp = restored.next();
            lastWatermark = restored.next();
        }
    }

    @Override
    public void prepareSnapshot(long checkpointId) {
        ListState<Long> progress = context.getOperatorListState(PROGRESS);
        progress.update(List.of(maxTimestamp, lastWatermark));
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
