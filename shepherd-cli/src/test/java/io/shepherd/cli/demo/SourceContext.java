package io.shepherd.cli.demo;

import io.shepherd.api.functions.FunctionContext;
import io.shepherd.api.state.ListState;
import io.shepherd.api.state.ListStateDescriptor;
import io.shepherd.api.state.MapState;
import io.shepherd.api.state.MapStateDescriptor;
import io.shepherd.api.state.ReducingState;
import io.shepherd.api.state.ReducingStateDescriptor;
import io.shepherd.api.state.ValueState;
import io.shepherd.api.state.ValueStateDescriptor;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What a source reader sees of its subtask, for driving a reader without the engine: its index, the
 * parallelism, and operator state that outlives the reader (as a checkpoint would) so that a second
 * reader can be restored from it.
 */
final class SourceContext implements FunctionContext {
    private final int subtask;
    private final int parallelism;
    private final Map<String, List<Object>> operatorState = new HashMap<>();

    SourceContext(int subtask, int parallelism) {
        this.subtask = subtask;
        this.parallelism = parallelism;
    }

    @Override
    public String operatorName() {
        return "transfers";
    }

    @Override
    public int subtaskIndex() {
        return subtask;
    }

    @Override
    public int parallelism() {
        return parallelism;
    }

    @Override
    public long currentProcessingTime() {
        return 0;
    }

    @Override
    public <T> ValueState<T> getState(ValueStateDescriptor<T> descriptor) {
        throw new UnsupportedOperationException("a source has no keyed state");
    }

    @Override
    public <T> ListState<T> getListState(ListStateDescriptor<T> descriptor) {
        throw new UnsupportedOperationException("a source has no keyed state");
    }

    @Override
    public <K, V> MapState<K, V> getMapState(MapStateDescriptor<K, V> descriptor) {
        throw new UnsupportedOperationException("a source has no keyed state");
    }

    @Override
    public <T> ReducingState<T> getReducingState(ReducingStateDescriptor<T> descriptor) {
        throw new UnsupportedOperationException("a source has no keyed state");
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> ListState<T> getOperatorListState(ListStateDescriptor<T> descriptor) {
        List<T> elements = (List<T>) operatorState.computeIfAbsent(descriptor.name(), name -> new ArrayList<>());
        return new ListState<>() {
            @Override
            public Iterable<T> get() {
                return List.copyOf(elements);
            }

            @Override
            public void add(T value) {
                elements.add(value);
            }

            @Override
            public void update(List<T> values) {
                elements.clear();
                elements.addAll(values);
            }

            @Override
            public void clear() {
                elements.clear();
            }
        };
    }
}
