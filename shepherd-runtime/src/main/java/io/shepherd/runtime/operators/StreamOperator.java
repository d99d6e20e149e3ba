package io.shepherd.runtime.operators;

import io.shepherd.api.functions.RichFunction;
import io.shepherd.runtime.state.KeyedStateBackend;
import io.shepherd.runtime.state.snapshot.OperatorSnapshot;
import io.shepherd.runtime.state.snapshot.RestoredOperatorState;
import io.shepherd.runtime.timers.KeyedTimerService;

/**
 * One operator subtask: takes records and watermarks, emits to its {@link Output}.
 *
 * <p>Life cycle, all on the task's thread: {@link #open}, then any number of {@link
 * #processElement}, {@link #processWatermark} and {@link #onProcessingTime} calls, then {@link
 * #finish} when the input has ended (after the final watermark), then {@link #close} — which also
 * runs, without finish, when the job fails or is cancelled.
 *
 * <p>A user function that throws is handed to {@link #recordFailed}, which applies the error policy.
 *
 * <p>Checkpoints: state is put back by {@link #restoreState} before {@link #open}; when a barrier
 * passes, {@link #prepareSnapshot} then {@link #snapshotState}; when a checkpoint completes,
 * {@link #notifyCheckpointComplete}. All on the task's thread.
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

    /** A record of the second input; only two-input operators have one. */
    public void processKeyedElement2(Object record, long timestamp, Object key) {
        throw new IllegalStateException(this + " has no second input");
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

    /** A checkpoint's barrier is passing: put what is kept in fields into state; flush or pre-commit output. */
    public void prepareSnapshot(long checkpointId) throws Exception {}

    /** A copy of the operator's state as of now: cheap, serialized later off the task thread. */
    public OperatorSnapshot snapshotState() {
        return OperatorSnapshot.take(keyedStateOrNull(), context.operatorState(), checkpointedTimers());
    }

    /** Puts back the operator's state from a checkpoint, keeping the keys this subtask owns. */
    public void restoreState(RestoredOperatorState state) {
        state.restoreInto(keyedStateOrNull(), context.operatorState(), checkpointedTimers(), context.maxParallelism(),
                context.subtaskIndex(), context.parallelism());
    }

    /** Ack mode: whether {@link #flushBeforeAck} must run before the inputs behind this operator are acked. */
    public boolean writesOut() {
        return false;
    }

    /** Ack mode: makes what was written so far visible or durable, before the records behind it are acked. */
    public void flushBeforeAck() throws Exception {}

    /** The checkpoint is complete: output pre-committed for it, or before it, may be committed. */
    public void notifyCheckpointComplete(long checkpointId) throws Exception {}

    /** The timers that belong in a snapshot; keyed operators have them. */
    protected KeyedTimerService checkpointedTimers() {
        return null;
    }

    private KeyedStateBackend keyedStateOrNull() {
        return context.isKeyed() ? context.keyedState() : null;
    }

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
