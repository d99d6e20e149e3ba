package io.shepherd.runtime.operators;

import io.shepherd.api.functions.FunctionContext;
import io.shepherd.api.state.ListState;
import io.shepherd.api.state.ListStateDescriptor;
import io.shepherd.api.state.MapState;
import io.shepherd.api.state.MapStateDescriptor;
import io.shepherd.api.state.ReducingState;
import io.shepherd.api.state.ReducingStateDescriptor;
import io.shepherd.api.state.ValueState;
import io.shepherd.api.state.ValueStateDescriptor;
import io.shepherd.common.Clock;
import io.shepherd.runtime.metrics.OperatorCounters;
import io.shepherd.runtime.state.KeyedStateBackend;
import io.shepherd.runtime.state.OperatorStateBackend;

/**
 * Everything an operator subtask runs with: who it is, its counters, its error policy, its state
 * and the clock. Also what user functions see, as {@link FunctionContext}.
 */
public final class OperatorContext implements FunctionContext {
    private final String operatorName;
    private final String uid;
    private final int subtaskIndex;
    private final int parallelism;
    private final int maxParallelism;
    private final Clock clock;
    private final OperatorCounters counters;
    private final KeyedStateBackend keyedState;
    private final OperatorStateBackend operatorState;
    private RecordErrorHandler errors;
    private AckControl ackControl;
    private boolean checkpointing;

    /** @param keyed whether the operator runs on a keyed stream and so has keyed state */
    public OperatorContext(
            String operatorName, String uid, int subtaskIndex, int parallelism, int maxParallelism, boolean keyed,
            Clock clock) {
        this.operatorName = operatorName;
        this.uid = uid;
        this.subtaskIndex = subtaskIndex;
        this.parallelism = parallelism;
        this.maxParallelism = maxParallelism;
        this.clock = clock;
        this.counters = new OperatorCounters(operatorName);
        this.keyedState = keyed ? new KeyedStateBackend(operatorName) : null;
        this.operatorState = new OperatorStateBackend(operatorName);
    }

    @Override
    public String operatorName() {
        return operatorName;
    }

    /** The stable id state is stored under. */
    public String uid() {
        return uid;
    }

    @Override
    public int subtaskIndex() {
        return subtaskIndex;
    }

    @Override
    public int parallelism() {
        return parallelism;
    }

    @Override
    public long currentProcessingTime() {
        return clock.currentTimeMillis();
    }

    public int maxParallelism() {
        return maxParallelism;
    }

    public Clock clock() {
        return clock;
    }

    public OperatorCounters counters() {
        return counters;
    }

    /** Whether the job takes checkpoints: then output is committed when a checkpoint completes, not when input ends. */
    public boolean isCheckpointing() {
        return checkpointing;
    }

    public void setCheckpointing(boolean checkpointing) {
        this.checkpointing = checkpointing;
    }

    /** Ack mode: the task's anchoring and acking, for explicit anchoring; null outside ack mode. */
    public AckControl ackControl() {
        return ackControl;
    }

    /** Runs the operator in ack mode: explicit anchoring through {@code control}, failed records fail their trees. */
    public void setAckControl(AckControl control) {
        this.ackControl = control;
        errors.failRecordsInstead(control);
    }

    public RecordErrorHandler errors() {
        return errors;
    }

    public void setErrorHandler(RecordErrorHandler errors) {
        this.errors = errors;
    }

    /** The keyed state backend; fails clearly on a stream that is not keyed. */
    public KeyedStateBackend keyedState() {
        if (keyedState == null) {
            throw new IllegalStateException("operator '" + operatorName
                    + "' is not on a keyed stream: keyed state and timers need keyBy(...) before it");
        }
        return keyedState;
    }

    public boolean isKeyed() {
        return keyedState != null;
    }

    public OperatorStateBackend operatorState() {
        return operatorState;
    }

    @Override
    public <T> ValueState<T> getState(ValueStateDescriptor<T> descriptor) {
        return keyedState().valueState(descriptor);
    }

    @Override
    public <T> ListState<T> getListState(ListStateDescriptor<T> descriptor) {
        return keyedState().listState(descriptor);
    }

    @Override
    public <K, V> MapState<K, V> getMapState(MapStateDescriptor<K, V> descriptor) {
        return keyedState().mapState(descriptor);
    }

    @Override
    public <T> ReducingState<T> getReducingState(ReducingStateDescriptor<T> descriptor) {
        return keyedState().reducingState(descriptor);
    }

    @Override
    public <T> ListState<T> getOperatorListState(ListStateDescriptor<T> descriptor) {
        return operatorState.listState(descriptor);
    }
}
