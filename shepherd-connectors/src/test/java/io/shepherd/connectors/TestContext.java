package io.shepherd.connectors;

import io.shepherd.api.functions.FunctionContext;
import io.shepherd.api.state.ListState;
import io.shepherd.api.state.ListStateDescriptor;
import io.shepherd.api.state.MapState;
import io.shepherd.api.state.MapStateDescriptor;
import io.shepherd.api.state.ReducingState;
import io.shepherd.api.state.ReducingStateDescriptor;
import io.shepherd.api.state.ValueState;
import io.shepherd.api.state.ValueStateDescriptor;
import io.shepherd.runtime.state.OperatorStateBackend;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A function context for driving a source reader or sink writer directly: one subtask, a
 * processing-time clock the test sets, and operator state in the runtime's own backend. A
 * {@link #restoredCopy} stands for the same subtask after a restore from a snapshot taken now.
 */
public final class TestContext implements FunctionContext {
    private final String operatorName;
    private final int subtaskIndex;
    private final int parallelism;
    private final OperatorStateBackend operatorState;
    private long timeMs;

    public TestContext(int subtaskIndex, int parallelism) {
        this("test-operator", subtaskIndex, parallelism, new OperatorStateBackend("test-operator"));
    }

    private TestContext(String operatorName, int subtaskIndex, int parallelism, OperatorStateBackend state) {
        this.operatorName = operatorName;
        this.subtaskIndex = subtaskIndex;
        this.parallelism = parallelism;
        this.operatorState = state;
    }

    /**
     * A context of the same subtask whose operator state is a copy of this one's as it is now, as a
     * snapshot would have kept it: later changes to either do not show in the other.
     */
    public TestContext restoredCopy() {
        return withStateAt(subtaskIndex, parallelism);
    }

    /** Like {@link #restoredCopy()} but for another subtask or parallelism, to test a mismatched restore. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public TestContext withStateAt(int subtask, int newParallelism) {
        OperatorStateBackend copy = new OperatorStateBackend(operatorName);
        for (Map.Entry<String, OperatorStateBackend.OperatorList> entry : operatorState.lists().entrySet()) {
            ListStateDescriptor descriptor = entry.getValue().descriptor();
            copy.listState(descriptor).update(new ArrayList<>(entry.getValue().elements()));
        }
        TestContext restored = new TestContext(operatorName, subtask, newParallelism, copy);
        restored.timeMs = timeMs;
        return restored;
    }

    /** The elements of an operator list, for assertions. */
    public List<Object> operatorList(String name) {
        OperatorStateBackend.OperatorList list = operatorState.lists().get(name);
        return list == null ? List.of() : List.copyOf(list.elements());
    }

    public void setTime(long timeMs) {
        this.timeMs = timeMs;
    }

    public void advanceTime(long durationMs) {
        this.timeMs += durationMs;
    }

    @Override
    public String operatorName() {
        return operatorName;
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
        return timeMs;
    }

    @Override
    public <T> ListState<T> getOperatorListState(ListStateDescriptor<T> descriptor) {
        return operatorState.listState(descriptor);
    }

    @Override
    public <T> ValueState<T> getState(ValueStateDescriptor<T> descriptor) {
        throw notKeyed();
    }

    @Override
    public <T> ListState<T> getListState(ListStateDescriptor<T> descriptor) {
        throw notKeyed();
    }

    @Override
    public <K, V> MapState<K, V> getMapState(MapStateDescriptor<K, V> descriptor) {
        throw notKeyed();
    }

    @Override
    public <T> ReducingState<T> getReducingState(ReducingStateDescriptor<T> descriptor) {
        throw notKeyed();
    }

    private static UnsupportedOperationException notKeyed() {
        return new UnsupportedOperationException("a test context of a source or sink has no keyed state");
    }
}
