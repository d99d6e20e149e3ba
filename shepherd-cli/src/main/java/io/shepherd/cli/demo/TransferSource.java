package io.shepherd.cli.demo;

import io.shepherd.api.functions.FunctionContext;
import io.shepherd.api.source.InputStatus;
import io.shepherd.api.source.Source;
import io.shepherd.api.source.SourceOutput;
import io.shepherd.api.source.SourceReader;
import io.shepherd.api.state.ListState;
import io.shepherd.api.state.ListStateDescriptor;
import java.util.List;

/**
 * A bounded, seeded, replayable source of transfers: subtask {@code s} of {@code p} reads the
 * transfers {@code s, s+p, s+2p, ...} below {@code count}, each made by {@link TransferGenerator}.
 * The reader's position (the next id) is kept in operator state, so a reader restored from a
 * checkpoint resumes exactly where the checkpoint was taken and emits the same transfers again.
 * Before each transfer it lets the run's {@link FailureInjector} fail it.
 */
public final class TransferSource implements Source<Transfer> {
    static final String POSITION_STATE = "next-tx";

    private final long seed;
    private final int accounts;
    private final long count;
    private final String injectorId;

    /** @param injectorId the run's {@link FailureInjector} */
    public TransferSource(long seed, int accounts, long count, String injectorId) {
        if (accounts < 2) {
            throw new IllegalArgumentException("a transfer needs two accounts; got " + accounts);
        }
        if (count < 0) {
            throw new IllegalArgumentException("the number of transfers must be >= 0; got " + count);
        }
        this.seed = seed;
        this.accounts = accounts;
        this.count = count;
        this.injectorId = injectorId;
    }

    @Override
    public SourceReader<Transfer> createReader(FunctionContext context) {
        return new Reader(context);
    }

    private final class Reader implements SourceReader<Transfer> {
        private final int stride;
        private final ListState<Long> position;
        private final FailureInjector failures;
        private long next;

        Reader(FunctionContext context) {
            this.stride = context.parallelism();
            this.position = context.getOperatorListState(new ListStateDescriptor<>(POSITION_STATE, Long.class));
            this.failures = FailureInjector.lookup(injectorId);
            this.next = context.subtaskIndex();
            for (Long restored : position.get()) {
                next = restored;
            }
        }

        @Override
        public InputStatus pollNext(SourceOutput<Transfer> output) {
            if (next >= count) {
                return InputStatus.END_OF_INPUT;
            }
            failures.check(FailureSite.SOURCE, next);
            output.collect(TransferGenerator.transfer(seed, accounts, next));
            next += stride;
            return next < count ? InputStatus.MORE_AVAILABLE : InputStatus.END_OF_INPUT;
        }

        @Override
        public void snapshotState(long checkpointId) {
            position.update(List.of(next));
        }
    }
}
