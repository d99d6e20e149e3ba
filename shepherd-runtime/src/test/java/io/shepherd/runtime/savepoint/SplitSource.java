package io.shepherd.runtime.savepoint;

import io.shepherd.api.functions.FunctionContext;
import io.shepherd.api.source.InputStatus;
import io.shepherd.api.source.Source;
import io.shepherd.api.source.SourceOutput;
import io.shepherd.api.source.SourceReader;
import io.shepherd.api.state.ListState;
import io.shepherd.api.state.ListStateDescriptor;
import java.util.ArrayList;
import java.util.List;

/**
 * Emits the longs 0..count-1 from {@code splits} splits (split k: k, k+splits, ...), each subtask
 * reading its own splits in turn, at most {@code recordsPerMs} records per millisecond of processing
 * time: paced, so that a savepoint falls into a stream of records, with some before its barrier and
 * some after. Its position is one operator list element per split: the split's next value, which also
 * names the split (value mod splits). So it rescales: after a restore at another parallelism the
 * elements are dealt round robin and every split is read on by exactly one subtask.
 *
 * <p>With {@code holdAt} below {@code count} it emits only the values below {@code holdAt} and then
 * idles without ending, so a test can take a savepoint before the job could have finished.
 *
 * <p>A restored subtask that got no split would be taken for a fresh one and start over: keep
 * {@code splits} at least the parallelism.
 */
final class SplitSource implements Source<Long> {
    private static final int MAX_PER_POLL = 64;

    private final long count;
    private final int splits;
    private final int recordsPerMs;
    private final long holdAt;

    SplitSource(long count, int splits, int recordsPerMs, long holdAt) {
        this.count = count;
        this.splits = splits;
        this.recordsPerMs = recordsPerMs;
        this.holdAt = holdAt;
    }

    @Override
    public SourceReader<Long> createReader(FunctionContext context) {
        ListState<Long> position = context.getOperatorListState(new ListStateDescriptor<>("next", Long.class));
        List<Long> next = new ArrayList<>();
        position.get().forEach(next::add);
        if (next.isEmpty()) {
            for (long split = context.subtaskIndex(); split < splits; split += context.parallelism()) {
                next.add(split);
            }
        }
        long end = Math.min(count, holdAt);
        return new SourceReader<>() {
            private final long startMs = context.currentProcessingTime();
            private long emitted;

            @Override
            public InputStatus pollNext(SourceOutput<Long> output) {
                long due = (context.currentProcessingTime() - startMs + 1) * recordsPerMs - emitted;
                long allowed = Math.min(due, MAX_PER_POLL);
                long before = emitted;
                for (boolean emittedAny = true; allowed > 0 && emittedAny; ) {
                    emittedAny = false;
                    for (int i = 0; i < next.size() && allowed > 0; i++) {
                        long value = next.get(i);
                        if (value < end) {
                            output.collect(value, value);
                            next.set(i, value + splits);
                            allowed--;
                            emitted++;
                            emittedAny = true;
                        }
                    }
                }
                if (next.stream().anyMatch(value -> value < end)) {
                    boolean stillDue = due > emitted - before;
                    return stillDue ? InputStatus.MORE_AVAILABLE : InputStatus.NOTHING_AVAILABLE;
                }
                return end < count ? InputStatus.NOTHING_AVAILABLE : InputStatus.END_OF_INPUT;
            }

            @Override
            public void snapshotState(long checkpointId) {
                position.update(List.copyOf(next));
            }
        };
    }
}
