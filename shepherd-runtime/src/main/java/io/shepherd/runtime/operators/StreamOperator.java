package io.shepherd.runtime.operators;

import io.shepherd.api.functions.RichFunction;

/**
 * One operator subtask: takes records and watermarks, emits to its {@link Output}.
 *
 * <p>Life cycle, all on the task's thread: {@link #open}, then any number of {@link
 * #processElement}, {@link #processWatermark} and {@link #onProcessingTime} calls, then {@link
 * #finish} when the input has ended (after the final watermark), then {@link #close} — which also
 * runs, without finish, when the job fails or is cancelled.
 *
 * <p>A user function that throws is handed to {@link #recordFailed}, which applies the error policy.
 */
public abstract class StreamOperator {
    /** The timestamp of records that have none. */
    public static final long NO_TIMESTAMP = Long.MIN_VALUE;

    protected final OperatorContext context;
    private Output output;

    protected StreamOperator(OperatorContext context) {
        this.context = context;
    }

    public final OperatorContext context() {
        return context;
    }

    public final void setOutput(Output output) {
        this.output = output;
    }

    public void open() throws Exception {}

    public abstract void processElement(Object record, long timestamp);

    /**
     * A record whose key the sender already computed, for the key-partitioned edge into it. Only
     * keyed operators use the key; others process the record as usual.
     */
    public void processKeyedElement(Object record, long timestamp, Object key) {
        processElement(record, timestamp);
    }

    /** Watermarks pass through unchanged unless the operator has event-time work to do. */
    public void processWatermark(long watermark) {
        output.emitWatermark(watermark);
    }

    /** Called by the task on every round with the clock's time, for processing-time work. */
    public void onProcessingTime(long nowMs) {}

    /** The input has ended: emit what is still held. */
    public void finish() throws Exception {}

    public void close() throws Exception {}

    protected final void emit(Object record, long timestamp) {
        context.counters().recordsOut++;
        output.emit(record, timestamp);
    }

    protected final void emitWatermark(long watermark) {
        output.emitWatermark(watermark);
    }

    protected final void recordFailed(Object record, long timestamp, Exception error) {
        context.errors().onRecordFailed(record, timestamp, error);
    }

    protected final void openFunction(Object function) throws Exception {
        if (function instanceof RichFunction rich) {
            rich.open(context);
        }
    }

    protected static void closeFunction(Object function) throws Exception {
        if (function instanceof RichFunction rich) {
            rich.close();
        }
    }

    @Override
    public String toString() {
        return "'" + context.operatorName() + "' subtask " + context.subtaskIndex();
    }
}
