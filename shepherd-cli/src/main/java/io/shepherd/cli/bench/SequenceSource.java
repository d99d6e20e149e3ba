package io.shepherd.cli.bench;

import io.shepherd.api.functions.FunctionContext;
import io.shepherd.api.source.InputStatus;
import io.shepherd.api.source.Source;
import io.shepherd.api.source.SourceOutput;
import io.shepherd.api.source.SourceReader;

/** The longs 0..count-1, split over subtasks by stride; what the throughput benchmarks feed. */
final class SequenceSource implements Source<Long> {
    private static final int RECORDS_PER_POLL = 64;
    private final long count;

    SequenceSource(long count) {
        this.count = count;
    }

    @Override
    public SourceReader<Long> createReader(FunctionContext context) {
        return new Reader(context.subtaskIndex(), context.parallelism(), count);
    }

    private static final class Reader implements SourceReader<Long> {
        private final long stride;
        private final long end;
        private long next;

        Reader(int subtask, int parallelism, long end) {
            this.next = subtask;
            this.stride = parallelism;
            this.end = end;
        }

        @Override
        public InputStatus pollNext(SourceOutput<Long> output) {
            for (int i = 0; i < RECORDS_PER_POLL && next < end; i++) {
                output.collect(next);
                next += stride;
            }
            return next < end ? InputStatus.MORE_AVAILABLE : InputStatus.END_OF_INPUT;
        }
    }
}
