package io.shepherd.api.functions;

import io.shepherd.api.state.ListState;
import io.shepherd.api.state.ListStateDescriptor;
import io.shepherd.api.state.MapState;
import io.shepherd.api.state.MapStateDescriptor;
import io.shepherd.api.state.ReducingState;
import io.shepherd.api.state.ReducingStateDescriptor;
import io.shepherd.api.state.ValueState;
import io.shepherd.api.state.ValueStateDescriptor;

/**
 * What a function sees of its running subtask.
 *
 * <p>Keyed state is only available to functions on a keyed stream; each handle reads and writes
 * the value of the key of the record (or timer) being processed. Operator state is per subtask and
 * is what sources keep their positions in.
 */
public interface FunctionContext {
    String operatorName();

    int subtaskIndex();

    int parallelism();

    /** The engine's clock in milliseconds since the epoch; simulated in tests. */
    long currentProcessingTime();

    <T> ValueState<T> getState(ValueStateDescriptor<T> descriptor);

    <T> ListState<T> getListState(ListStateDescriptor<T> descriptor);

    <K, V> MapState<K, V> getMapState(MapStateDescriptor<K, V> descriptor);

    <T> ReducingState<T> getReducingState(ReducingStateDescriptor<T> descriptor);

    /** State of this subtask as a whole, not scoped to a key. */
    <T> ListState<T> getOperatorListState(ListStateDescriptor<T> descriptor);
}
