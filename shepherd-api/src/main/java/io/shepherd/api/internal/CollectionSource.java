package io.shepherd.api.internal;

import io.shepherd.api.functions.FunctionContext;
import io.shepherd.api.source.InputStatus;
import io.shepherd.api.source.Source;
import io.shepherd.api.source.SourceOutput;
import io.shepherd.api.source.SourceReader;
import io.shepherd.api.state.ListState;
import io.shepherd.api.state.ListStateDescriptor;
import java.util.List;

/**
 * A bounded source over a list: subtask i of n reads the items at i, i+n, i+2n... Its position (the
 * next index) is operator state, so it replays exactly after a restore.
 */
public final class CollectionSource<T> implements Source<T> {
    private final List<T> items;

    public CollectionSource(List<T> items) {
        this.items = items;
    }

    @Override
    public SourceReader<T> createReader(FunctionContext context) {
        return new Reader<>(items, context);
    }

    private static final class Reader<T> implements SourceReader<T> {
        private final List<T> items;
        private final int stride;
        private final ListState<Long> positionState;
        private long next;

        Reader(List<T> items, FunctionContext context) {
            this.items = items;
            this.stride = context.parallelism();
            this.positionState = context.getOperatorListState(new ListStateDescriptor<>("position", Long.class));
            this.next = context.subtaskIndex();
            for (Long restored : positionState.get()) {
                next = restored;
            }
        }

        @Override
        public InputStatus pollNext(SourceOutput<T> output) {
            if (next >= items.size()) {
                return InputStatus.END_OF_INPUT;
            }
            output.collect(items.get((int) next));
            next += stride;
            return next < items.size() ? InputStatus.MORE_AVAILABLE : InputStatus.END_OF_INPUT;
        }

        @Override
        public void snapshotState(long checkpointId) {
            positionState.update(List.of(next));
        }
    }
}
