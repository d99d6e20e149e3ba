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

/**
 * Polls a source reader on behalf of its task and feeds what it emits into the chain.
 *
 * <p>In ack mode every record gets a root and is kept until its tree completes ({@link OwnedRoots}); the
 * reader is not polled while max pending records are unfinished, and the input ends only once the reader
 * has ended and every record it emitted has completed (failed ones are emitted again meanwhile).
 */
final class SourceDriver implements SourceOutput<Object> {
    private final Source<Object> source;
    private final OperatorContext context;
    private final Output output;
    private final OperatorCounters counters;
    private SourceReader<Object> reader;
    private long watermark = Long.MIN_VALUE;
    /** Where the reader emits: this driver, or in ack mode an output that registers every record first. */
    private SourceOutput<Object> readerOutput = this;
    /** Ack mode: this source subtask's roots; else null. */
    private OwnedRoots roots;
    /** Ack mode: the reader has ended, and the driver waits for the last trees to complete. */
    private boolean readerEnded;

    @SuppressWarnings("unchecked")
    SourceDriver(Source<?> source, OperatorContext context, Output output) {
        this.source = (Source<Object>) source;
        this.context = context;
        this.output = output;
        this.counters = context.counters();
    }

    /** Ack mode: registers every record the reader emits in {@code roots}, anchored by {@code acking}. */
    void ackWith(TaskAcking acking, OwnedRoots roots) {
        this.roots = roots;
        roots.setTarget(output);
        this.readerOutput = new SourceOutput<>() {
            @Override
            public void collect(Object record) {
                collect(record, StreamOperator.NO_TIMESTAMP);
            }

            @Override
            public void collect(Object record, long timestamp) {
                counters.recordsOut++;
                roots.emit(record, timestamp, acking);
            }

            @Override
            public void emitWatermark(long watermark) {
                SourceDriver.this.emitWatermark(watermark);
            }
        };
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
        if (readerEnded) {
            return roots.hasPending() ? InputStatus.NOTHING_AVAILABLE : InputStatus.END_OF_INPUT;
        }
        long limit = counters.recordsOut + maxRecords;
        for (int polls = 0; polls < maxRecords && counters.recordsOut < limit; polls++) {
            if (roots != null && !roots.canEmit()) {
                return InputStatus.NOTHING_AVAILABLE;
            }
            InputStatus status = reader.pollNext(readerOutput);
            if (status == InputStatus.END_OF_INPUT && roots != null && roots.hasPending()) {
                readerEnded = true;
                return InputStatus.NOTHING_AVAILABLE;
            }
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
