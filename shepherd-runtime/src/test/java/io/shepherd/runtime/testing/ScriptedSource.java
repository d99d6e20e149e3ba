package io.shepherd.runtime.testing;

import io.shepherd.api.functions.FunctionContext;
import io.shepherd.api.source.InputStatus;
import io.shepherd.api.source.Source;
import io.shepherd.api.source.SourceOutput;
import io.shepherd.api.source.SourceReader;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * A single-reader source that plays a script: records with timestamps, watermarks at exact points,
 * and pauses until the test opens a latch. One step per poll, so the engine sees every step.
 */
public final class ScriptedSource<T> implements Source<T> {
    private final List<Step> steps;

    private ScriptedSource(List<Step> steps) {
        this.steps = List.copyOf(steps);
    }

    public static <T> Builder<T> script() {
        return new Builder<>();
    }

    /** Builds a script step by step. */
    public static final class Builder<T> {
        private final List<Step> steps = new ArrayList<>();

        public Builder<T> record(T record, long timestamp) {
            steps.add(new Emit(record, timestamp));
            return this;
        }

        public Builder<T> watermark(long watermark) {
            steps.add(new Watermark(watermark));
            return this;
        }

        /** Emits nothing (and says so) until {@code latch} is open. */
        public Builder<T> waitFor(Shared<CountDownLatch> latch) {
            steps.add(new Wait(latch));
            return this;
        }

        public ScriptedSource<T> build() {
            return new ScriptedSource<>(steps);
        }
    }

    private sealed interface Step extends Serializable {}

    private record Emit(Object record, long timestamp) implements Step {}

    private record Watermark(long watermark) implements Step {}

    private record Wait(Shared<CountDownLatch> latch) implements Step {}

    @Override
    public int maxParallelism() {
        return 1;
    }

    @Override
    @SuppressWarnings("unchecked")
    public SourceReader<T> createReader(FunctionContext context) {
        return new SourceReader<>() {
            private int next;

            @Override
            public InputStatus pollNext(SourceOutput<T> output) {
                if (next == steps.size()) {
                    return InputStatus.END_OF_INPUT;
                }
                Step step = steps.get(next);
                if (step instanceof Wait wait) {
                    if (wait.latch().get().getCount() > 0) {
                        return InputStatus.NOTHING_AVAILABLE;
                    }
                } else if (step instanceof Emit emit) {
                    output.collect((T) emit.record(), emit.timestamp());
                } else {
                    output.emitWatermark(((Watermark) step).watermark());
                }
                next++;
                return next == steps.size() ? InputStatus.END_OF_INPUT : InputStatus.MORE_AVAILABLE;
            }
        };
    }
}
