package io.shepherd.connectors.generator;

import io.shepherd.api.functions.FunctionContext;
import io.shepherd.api.source.InputStatus;
import io.shepherd.api.source.SourceOutput;
import io.shepherd.api.source.SourceReader;
import io.shepherd.api.state.ListState;
import io.shepherd.api.state.ListStateDescriptor;
import java.util.ArrayList;
import java.util.List;

/**
 * One subtask's share of a {@link GeneratorSource}: the indices {@code subtask + k * parallelism}
 * below the count, in order. Its position is the next index it will generate, or the count once
 * its share is done.
 */
final class GeneratorReader<T> implements SourceReader<T> {
    /** Records emitted per poll at most: enough to amortize the call, small enough to take turns. */
    static final int MAX_RUN = 64;

    static final String POSITION_STATE = "position";
    static final String PARALLELISM_STATE = "parallelism";

    private final SeededRecordFunction<T> function;
    private final IndexRandom random;
    private final long count;
    private final long stride;
    private final RateLimiter limiter;
    private final FunctionContext context;
    private final ListState<Long> positionState;
    private final ListState<Integer> parallelismState;
    private long next;

    /** @param random null when the function does not use it, which saves re-seeding per record */
    GeneratorReader(
            SeededRecordFunction<T> function, IndexRandom random, long count, RateLimiter limiter,
            FunctionContext context) {
        this.function = function;
        this.random = random;
        this.count = count;
        this.stride = context.parallelism();
        this.limiter = limiter;
        this.context = context;
        this.positionState = context.getOperatorListState(new ListStateDescriptor<>(POSITION_STATE, Long.class));
        this.parallelismState =
                context.getOperatorListState(new ListStateDescriptor<>(PARALLELISM_STATE, Integer.class));
        this.next = restorePosition();
    }

    @Override
    public InputStatus pollNext(SourceOutput<T> output) {
        long remaining = remaining();
        if (remaining == 0) {
            return InputStatus.END_OF_INPUT;
        }
        int run = (int) Math.min(MAX_RUN, remaining);
        if (limiter != null) {
            run = limiter.acquire(run, context.currentProcessingTime());
            if (run == 0) {
                return InputStatus.NOTHING_AVAILABLE;
            }
        }
        long index = next;
        for (int i = 0; i < run; i++) {
            if (random != null) {
                random.reset(index);
            }
            output.collect(function.apply(index, random));
            index += stride;
        }
        // The last index of the share plus the stride may overflow near Long.MAX_VALUE, so an
        // exhausted share is marked by the count itself.
        next = run == remaining ? count : index;
        return next < count ? InputStatus.MORE_AVAILABLE : InputStatus.END_OF_INPUT;
    }

    @Override
    public void snapshotState(long checkpointId) {
        positionState.update(List.of(next));
        parallelismState.update(List.of((int) stride));
    }

    /** Holds no resources. */
    @Override
    public void close() {}

    /** The next index this reader will generate; the count when its share is done. */
    long position() {
        return next;
    }

    /** How many indices of this subtask's share are still to be generated. */
    private long remaining() {
        return next >= count ? 0 : (count - next - 1) / stride + 1;
    }

    private long restorePosition() {
        int subtask = context.subtaskIndex();
        List<Long> restored = new ArrayList<>();
        positionState.get().forEach(restored::add);
        if (restored.isEmpty()) {
            return subtask;
        }
        String reader = "generator source '" + context.operatorName() + "' subtask " + subtask + " of " + stride;
        List<Integer> takenAt = new ArrayList<>();
        parallelismState.get().forEach(takenAt::add);
        if (!takenAt.equals(List.of((int) stride))) {
            throw new IllegalStateException(reader + " cannot resume from restored position " + restored
                    + ": the state was taken at parallelism " + (takenAt.size() == 1 ? takenAt.get(0) : takenAt)
                    + ", and this source cannot redistribute its positions; restore the job with that parallelism");
        }
        long position = restored.get(0);
        boolean ownIndex = position >= subtask && (position - subtask) % stride == 0;
        if (restored.size() > 1 || !(ownIndex || position >= count)) {
            throw new IllegalStateException(reader + " cannot resume from restored position " + restored
                    + ": it is not one of this subtask's indices (" + subtask + ", " + subtask + "+" + stride
                    + ", ...). The state belongs to another subtask or another source; restore each subtask "
                    + "from its own state");
        }
        return position;
    }
}
