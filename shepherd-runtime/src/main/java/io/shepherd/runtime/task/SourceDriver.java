package io.shepherd.runtime.task;

import io.shepherd.api.source.InputStatus;
import io.shepherd.api.source.Source;
import io.shepherd.api.source.SourceOutput;
import io.shepherd.api.source.SourceReader;
import io.shepherd.runtime.metrics.OperatorCounters;
import io.shepherd.runtime.operators.OperatorContext;
import io.shepherd.runtime.operators.Output;
import io.shepherd.runtime.operators.StreamOperator;
import io.shepherd.runtime.state.snapshot.OperatorSnapshot;
import io.shepherd.runtime.state.snapshot.RestoredOperatorState;

/** Polls a source reader on behalf of its task and feeds what it emits into the chain. */
final class SourceDriver implements SourceOutput<Object> {
    private final Source<Object> source;
    private final OperatorContext context;
    private final Output output;
    private final OperatorCounters counters;
    private SourceReader<Object> reader;
    private long watermark = Long.MIN_VALUE;

    @SuppressWarnings("unchecked")
    SourceDriver(Source<?> source, OperatorContext context, Output output) {
        this.source = (Source<Object>) source;
        this.context = context;
        this.output = output;
        this.counters = context.counters();
    }

    /** Creates the reader, on the thread that will poll it. */
    void open() throws Exception {
        reader = source.createReader(context);
    }

    /**
     * Polls until {@code maxRecords} were emitted or polls made, the reader has nothing more now,
     * or an output channel is full; returns what the reader last said. Bounding the polls too gives
     * the thread back even when a reader says more is available but emits no records.
     */
    InputStatus run(int maxRecords, TaskOutputs outputs) throws Exception {
        long limit = counters.recordsOut + maxRecords;
        for (int polls = 0; polls < maxRecords && counters.recordsOut < limit; polls++) {
            InputStatus status = reader.pollNext(this);
            if (status != InputStatus.MORE_AVAILABLE || outputs.hasPending()) {
                return status;
            }
        }
        return InputStatus.MORE_AVAILABLE;
    }

    String uid() {
        return context.uid();
    }

    /** Has the reader write its position into operator state, between two polls, and copies that state. */
    OperatorSnapshot snapshot(long checkpointId) throws Exception {
        reader.snapshotState(checkpointId);
        return OperatorSnapshot.take(null, context.operatorState(), null);
    }

    /** Puts back the reader's stored position; before {@link #open}, so the new reader starts from it. */
    void restore(RestoredOperatorState state) {
        state.restoreInto(null, context.operatorState(), null, context.maxParallelism(), context.subtaskIndex(),
                context.parallelism());
    }

    /** Closes the reader, if it was ever opened. */
    void close() throws Exception {
        if (reader != null) {
            reader.close();
        }
    }

    @Override
    public void collect(Object record) {
        collect(record, StreamOperator.NO_TIMESTAMP);
    }

    @Override
    public void collect(Object record, long timestamp) {
        counters.recordsOut++;
        output.emit(record, timestamp);
    }

    @Override
    public void emitWatermark(long watermark) {
        // Downstream, watermarks are only ever passed on when they advance; a source is held to the same rule.
        if (watermark > this.watermark) {
            this.watermark = watermark;
            output.emitWatermark(watermark);
        }
    }
}
