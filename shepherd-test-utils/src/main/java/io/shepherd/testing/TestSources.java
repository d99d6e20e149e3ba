package io.shepherd.testing;

import io.shepherd.api.functions.FunctionContext;
import io.shepherd.api.source.InputStatus;
import io.shepherd.api.source.Source;
import io.shepherd.api.source.SourceOutput;
import io.shepherd.api.source.SourceReader;
import io.shepherd.api.state.ListState;
import io.shepherd.api.state.ListStateDescriptor;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Sources for tests of whole jobs that emit a script of records and watermarks, exactly in the
 * given order, so that event time in a job is as much under the test's control as in an
 * {@link OperatorHarness}:
 *
 * <pre>{@code
 * env.fromSource(TestSources.of(record(click("ann"), 10), record(click("bob"), 12), watermark(20),
 *         record(click("ann"), 5)), "clicks")
 * }</pre>
 *
 * <p>Records keep the timestamps the script gives them, so windows and event-time timers downstream
 * need no {@code assignTimestampsAndWatermarks} — which would replace the script's watermarks with
 * its own. The final watermark comes from the engine at the end of the script, as at the end of any
 * bounded input. A scripted source cannot be split: it runs with parallelism 1, and operators with a
 * greater parallelism downstream see its watermarks on every channel.
 */
public final class TestSources {
    private TestSources() {}

    /** A source emitting {@code items} in order. */
    public static <T> Source<T> of(StreamItem... items) {
        return of(Arrays.asList(items));
    }

    /**
     * A source emitting {@code items} in order. Record values must be serializable, as the source is
     * shipped with the job.
     *
     * @throws IllegalArgumentException when a watermark does not advance past the one before, or is
     *     the final watermark
     */
    public static <T> Source<T> of(List<? extends StreamItem> items) {
        long last = Long.MIN_VALUE;
        for (int i = 0; i < items.size(); i++) {
            StreamItem item = Objects.requireNonNull(items.get(i), "item #" + (i + 1) + " of the script is null");
            if (item instanceof Watermark w) {
                if (w.timestamp() <= last || w.isFinal()) {
                    throw new IllegalArgumentException("item #" + (i + 1) + " of the script, " + w + ", must advance "
                            + "past the previous watermark (" + last + ") and stay below the final watermark, "
                            + "which the engine sends at the end of the input");
                }
                last = w.timestamp();
            }
        }
        return new ScriptedSource<>(List.copyOf(items));
    }

    /** A source of the given values, each with the timestamp at the same position, and no watermark before the end. */
    public static <T> Source<T> timestamped(List<T> values, List<Long> timestamps) {
        if (values.size() != timestamps.size()) {
            throw new IllegalArgumentException("got " + values.size() + " values but " + timestamps.size()
                    + " timestamps; give one timestamp per value");
        }
        StreamItem[] items = new StreamItem[values.size()];
        for (int i = 0; i < items.length; i++) {
            items[i] = Items.record(values.get(i), timestamps.get(i));
        }
        return of(items);
    }

    /**
     * Emits its script one item per poll. The position is operator state, so a restored reader goes
     * on from where the snapshot was taken, like the engine's own collection source.
     */
    private static final class ScriptedSource<T> implements Source<T> {
        private final List<StreamItem> items;

        ScriptedSource(List<StreamItem> items) {
            this.items = items;
        }

        @Override
        public SourceReader<T> createReader(FunctionContext context) {
            return new Reader<>(items, context);
        }

        @Override
        public int maxParallelism() {
            return 1;
        }
    }

    private static final class Reader<T> implements SourceReader<T> {
        private final List<StreamItem> items;
        private final ListState<Integer> positionState;
        private int next;

        Reader(List<StreamItem> items, FunctionContext context) {
            this.items = items;
            this.positionState = context.getOperatorListState(new ListStateDescriptor<>("script-position", Integer.class));
            for (Integer restored : positionState.get()) {
                next = restored;
            }
        }

        @Override
        @SuppressWarnings("unchecked")
        public InputStatus pollNext(SourceOutput<T> output) {
            if (next >= items.size()) {
                return InputStatus.END_OF_INPUT;
            }
            StreamItem item = items.get(next++);
            if (item instanceof TimestampedRecord record) {
                if (record.hasTimestamp()) {
                    output.collect((T) record.value(), record.timestamp());
                } else {
                    output.collect((T) record.value());
                }
            } else if (item instanceof Watermark watermark) {
                output.emitWatermark(watermark.timestamp());
            }
            return next < items.size() ? InputStatus.MORE_AVAILABLE : InputStatus.END_OF_INPUT;
        }

        @Override
        public void snapshotState(long checkpointId) {
            positionState.update(List.of(next));
        }

        @Override
        public void close() {
            // Holds nothing to release: the script lives in the source.
        }
    }
}
