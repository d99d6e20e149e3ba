package io.shepherd.runtime.testing;

import io.shepherd.api.functions.FunctionContext;
import io.shepherd.api.source.InputStatus;
import io.shepherd.api.source.Source;
import io.shepherd.api.source.SourceOutput;
import io.shepherd.api.source.SourceReader;
import io.shepherd.api.state.ListState;
import io.shepherd.api.state.ListStateDescriptor;
import java.util.List;

/**
 * Emits the longs 0..count-1 (subtask i of n: i, i+n, ...), at most {@code perPoll} per poll and
 * then a pause of one poll, so a job runs long enough for checkpoints and failures to fall inside
 * it. Replayable: its position is operator state.
 */
public final class PacedSource implements Source<Long> {
    private final long count;
    private final int perPoll;

    public PacedSource(long count, int perPoll) {
        this.count = count;
        this.perPoll = perPoll;
    }

    @Override
    public SourceReader<Long> createReader(FunctionContext context) {
        ListState<Long> position = context.getOperatorListState(new ListStateDescriptor<>("next", Long.class));
        long start = context.subtaskIndex();
        for (Long restored : position.get()) {
            start = restored;
        }
        long first = start;
        int stride = context.parallelism();
        return new SourceReader<>() {
            private long next = first;
            private boolean pause;

            @Override
            public InputStatus pollNext(SourceOutput<Long> output) {
                if (pause) {
                    pause = false;
                    return next < count ? InputStatus.NOTHING_AVAILABLE : InputStatus.END_OF_INPUT;
                }
                for (int i = 0; i < perPoll && next < count; i++, next += stride) {
                    output.collect(next, next);
                }
                pause = true;
                return next < count ? InputStatus.MORE_AVAILABLE : InputStatus.END_OF_INPUT;
            }

            @Override
            public void snapshotState(long checkpointId) {
                position.update(List.of(next));
            }
        };
    }
}
