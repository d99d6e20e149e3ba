package io.shepherd.runtime.testing;

import io.shepherd.api.functions.FunctionContext;
import io.shepherd.api.source.InputStatus;
import io.shepherd.api.source.Source;
import io.shepherd.api.source.SourceOutput;
import io.shepherd.api.source.SourceReader;
import java.util.concurrent.CountDownLatch;

/** Sources for job tests. */
public final class Sources {
    private Sources() {}

    /**
     * Emits 0, 1, 2... (subtask i of n emits i, i+n...) up to {@code count} records in all, or
     * forever when {@code count} is negative. Counts reader opens and closes.
     */
    public static Source<Long> counting(long count, Shared<LifeCycleCounts> readers) {
        return new Counting(count, readers);
    }

    /** Forever, without tracking readers. */
    public static Source<Long> unbounded() {
        return new Counting(-1, null);
    }

    /**
     * Emits {@code count} numbers, then says nothing is available until {@code release} opens,
     * then ends: a bounded job that stays running until the test lets it finish.
     */
    public static Source<Long> heldOpen(long count, Shared<CountDownLatch> release) {
        return new HeldOpen(count, release);
    }

    private record Counting(long count, Shared<LifeCycleCounts> readers) implements Source<Long> {
        @Override
        public SourceReader<Long> createReader(FunctionContext context) {
            if (readers != null) {
                readers.get().opened.incrementAndGet();
            }
            int stride = context.parallelism();
            return new SourceReader<>() {
                private long next = context.subtaskIndex();

                @Override
                public InputStatus pollNext(SourceOutput<Long> output) {
                    if (count >= 0 && next >= count) {
                        return InputStatus.END_OF_INPUT;
                    }
                    output.collect(next);
                    next += stride;
                    return InputStatus.MORE_AVAILABLE;
                }

                @Override
                public void close() {
                    if (readers != null) {
                        readers.get().closed.incrementAndGet();
                    }
                }
            };
        }
    }

    private record HeldOpen(long count, Shared<CountDownLatch> release) implements Source<Long> {
        @Override
        public SourceReader<Long> createReader(FunctionContext context) {
            return new SourceReader<>() {
                private long next;

                @Override
                public InputStatus pollNext(SourceOutput<Long> output) {
                    if (next < count) {
                        output.collect(next++);
                        return InputStatus.MORE_AVAILABLE;
                    }
                    return release.get().getCount() == 0 ? InputStatus.END_OF_INPUT : InputStatus.NOTHING_AVAILABLE;
                }
            };
        }

        @Override
        public int maxParallelism() {
            return 1;
        }
    }
}
