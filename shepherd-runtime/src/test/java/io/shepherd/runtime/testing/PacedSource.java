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
 * Emits the longs 0..count-1 (subtask i of n: i, i+n, ...) with the record as its timestamp, at
 * most {@code perMilli} records per millisecond per subtask, so a job runs long enough for
 * checkpoints to complete and failures to fall between them. Replayable: its position is operator
 * state. {@link #holdingTailUntil} keeps the last tenth of the input to a trickle until the given
 * failures have all been injected, so a test's failures happen however slow the machine is.
 */
public final class PacedSource implements Source<Long> {
    private final long count;
    private final int perMilli;
    private final Shared<InjectedFailures> failures;

    public PacedSource(long count, int perMilli) {
        this(count, perMilli, null);
    }

    private PacedSource(long count, int perMilli, Shared<InjectedFailures> failures) {
        this.count = count;
        this.perMilli = perMilli;
        this.failures = failures;
    }

    /** The same source, emitting the last tenth of its input one record a millisecond while {@code failures} remain. */
    public PacedSource holdingTailUntil(Shared<InjectedFailures> failures) {
        return new PacedSource(count, perMilli, failures);
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
        long startNanos = System.nanoTime();
        return new SourceReader<>() {
            private long next = first;
            private long emitted;
            private long lastEmitNanos;

            private boolean holding(long now) {
                return failures != null && next >= count * 9 / 10 && failures.get().remaining() > 0
                        && now - lastEmitNanos < 1_000_000;
            }

            @Override
            public InputStatus pollNext(SourceOutput<Long> output) {
                if (next >= count) {
                    return InputStatus.END_OF_INPUT;
                }
                long now = System.nanoTime();
                long allowed = (now - startNanos) / 1_000_000 * perMilli + perMilli;
                if (emitted >= allowed || holding(now)) {
                    return InputStatus.NOTHING_AVAILABLE;
                }
                lastEmitNanos = now;
                output.collect(next, next);
                next += stride;
                emitted++;
                return next < count ? InputStatus.MORE_AVAILABLE : InputStatus.END_OF_INPUT;
            }

            @Override
            public void snapshotState(long checkpointId) {
                position.update(List.of(next));
            }
        };
    }
}
