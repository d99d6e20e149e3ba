package io.shepherd.testing;

import io.shepherd.api.DataStream;
import io.shepherd.api.DeadLetter;
import io.shepherd.api.ErrorPolicy;
import io.shepherd.api.execution.OperatorMetrics;
import io.shepherd.api.functions.FilterFunction;
import io.shepherd.api.functions.FlatMapFunction;
import io.shepherd.api.functions.KeySelector;
import io.shepherd.api.functions.KeyedProcessFunction;
import io.shepherd.api.functions.MapFunction;
import io.shepherd.api.functions.ProcessFunction;
import io.shepherd.api.plan.Operation;
import io.shepherd.api.sink.Sink;
import io.shepherd.api.state.ListStateDescriptor;
import io.shepherd.api.state.MapStateDescriptor;
import io.shepherd.api.state.ReducingStateDescriptor;
import io.shepherd.api.state.ValueStateDescriptor;
import io.shepherd.api.windowing.AggregateFunction;
import io.shepherd.api.windowing.WindowAssigner;
import io.shepherd.runtime.metrics.OperatorCounters;
import io.shepherd.runtime.operators.KeyedOperator;
import io.shepherd.runtime.operators.OperatorContext;
import io.shepherd.runtime.operators.OperatorFactory;
import io.shepherd.runtime.operators.RecordErrorHandler;
import io.shepherd.runtime.operators.StreamOperator;
import io.shepherd.runtime.timers.KeyedTimerService;
import io.shepherd.runtime.timers.Timer;
import io.shepherd.runtime.timers.TimerQueue;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Runs one operator of a job, built from the user's function, under the test's control: the test
 * hands it records and watermarks, moves its processing-time clock, and inspects what it emitted,
 * its keyed state, its timers and its dead letters.
 *
 * <p>What runs is what runs in a job: the runtime's own operator ({@link OperatorFactory}) with a
 * real {@link OperatorContext}, over a copy of the function made by serializing and deserializing
 * it, after the runtime validated the operator as it validates every job. A function that cannot be
 * shipped, an error policy, keyed state and timers all behave as they would in subtask 0 of 1.
 *
 * <p>Differences from a job, on purpose:
 * <ul>
 *   <li>Time moves only when the test says so: processing-time timers fire in {@link #setProcessingTime},
 *       event-time timers in {@link #processWatermark}. In a job the task checks its clock on every
 *       round, so a due timer fires a little later, between records.
 *   <li>Watermarks are taken as given; they must increase, as the runtime only passes a watermark on
 *       when it advances.
 *   <li>One subtask sees every key; in a job each subtask sees only the keys partitioned to it.
 * </ul>
 *
 * <p>A function that throws under {@link ErrorPolicy#FAIL} (the default) makes the call that fed the
 * record throw the runtime's {@code OperatorFailure}, naming the operator and record; under
 * {@link ErrorPolicy#DEAD_LETTER} the record is in {@link #deadLetters()}.
 *
 * <pre>{@code
 * try (OperatorHarness harness = OperatorHarness.forKeyedProcess(Payment::user, new SpendingLimit(100))) {
 *     harness.processElement(new Payment("ann", 60), 1_000);
 *     harness.processElement(new Payment("ann", 50), 30_000);
 *     assertThat(harness.output()).containsExactly(record("ann spent 110 in minute 0", 30_000));
 *     assertThat(harness.eventTimers("ann")).containsExactly(59_999L);
 * }
 * }</pre>
 *
 * <p>(The whole example, and a guide, are in {@code docs/testing-your-functions.md}.)
 *
 * <p>{@link #verify} runs the same steps several ways and checks they all produce the expected
 * output, to catch functions that work only when nothing goes wrong. Not thread-safe: drive a
 * harness from one thread.
 */
public final class OperatorHarness implements AutoCloseable {
    /** Processing time a harness starts at unless the builder says otherwise. */
    public static final long DEFAULT_START_PROCESSING_TIME_MS = 0;

    private enum State {
        OPEN,
        FINISHED,
        CLOSED
    }

    private final ShippedOperation shipped;
    private final ManualClock clock;
    private final OperatorContext context;
    private final OperatorInstances instances;
    private final RecordingOutput output = new RecordingOutput();
    private final List<DeadLetter> deadLetters = new ArrayList<>();
    private final StateReader state;
    private StreamOperator operator;
    private long watermark = Long.MIN_VALUE;
    private State lifecycle = State.OPEN;

    OperatorHarness(ShippedOperation shipped, long startProcessingTimeMs) {
        this.shipped = shipped;
        this.clock = new ManualClock(startProcessingTimeMs);
        this.context = new OperatorContext(shipped.name(), shipped.uid(), 0, 1, shipped.maxParallelism(),
                shipped.keyed(), clock);
        this.context.setErrorHandler(new RecordErrorHandler(shipped.errorPolicy(), shipped.name(), 0,
                context.counters(),
                shipped.errorPolicy() == ErrorPolicy.DEAD_LETTER ? new DeadLetterCollector(deadLetters) : null));
        this.instances = new OperatorInstances(shipped, context, output);
        this.state = new StateReader(context);
        this.operator = instances.openNew();
    }

    // ---- building ----------------------------------------------------------------------------

    public static <I, O> OperatorHarness forMap(MapFunction<I, O> function) {
        return OperatorHarness.<I>builderForStream(stream -> stream.map(function)).build();
    }

    public static <I, O> OperatorHarness forFlatMap(FlatMapFunction<I, O> function) {
        return OperatorHarness.<I>builderForStream(stream -> stream.flatMap(function)).build();
    }

    public static <T> OperatorHarness forFilter(FilterFunction<T> function) {
        return OperatorHarness.<T>builderForStream(stream -> stream.filter(function)).build();
    }

    public static <I, O> OperatorHarness forProcess(ProcessFunction<I, O> function) {
        return OperatorHarness.<I>builderForStream(stream -> stream.process(function)).build();
    }

    /** A keyed process function on a stream keyed by {@code keySelector}: keyed state and timers. */
    public static <K, I, O> OperatorHarness forKeyedProcess(
            KeySelector<I, K> keySelector, KeyedProcessFunction<K, I, O> function) {
        return OperatorHarness.<I>builderForStream(stream -> stream.keyBy(keySelector).process(function)).build();
    }

    /**
     * Keyed event-time windows aggregated incrementally, as {@code keyBy(keySelector).window(assigner)
     * .aggregate(aggregate)} builds them. Records need event timestamps. For the other window
     * functions use {@link #forStream}.
     */
    public static <K, T, A, R> OperatorHarness forWindow(
            KeySelector<T, K> keySelector, WindowAssigner assigner, AggregateFunction<T, A, R> aggregate) {
        return OperatorHarness.<T>builderForStream(
                stream -> stream.keyBy(keySelector).window(assigner).aggregate(aggregate)).build();
    }

    /** A sink operator; its writer is created in the harness, so its effects are the sink's own. */
    public static <T> OperatorHarness forSink(Sink<T> sink) {
        return of(new Operation.SinkOp(sink));
    }

    /**
     * The one operator that {@code build} adds to a stream, with whatever the API does on the way
     * (names, error policies, keyed streams, window functions):
     * {@code OperatorHarness.forStream((DataStream<String> s) -> s.keyBy(w -> w).count())}.
     *
     * @throws IllegalArgumentException when {@code build} adds no operator or more than one
     */
    public static <I> OperatorHarness forStream(Function<DataStream<I>, ? extends DataStream<?>> build) {
        return builderForStream(build).build();
    }

    /** Any operation of a plan, e.g. one taken from {@code StreamEnvironment.buildPlan}. */
    public static OperatorHarness of(Operation operation) {
        return builder(operation).build();
    }

    /** A builder, for settings beyond the defaults (name, error policy, start time). */
    public static OperatorHarnessBuilder builder(Operation operation) {
        return new OperatorHarnessBuilder(OperatorPlan.of(Objects.requireNonNull(operation, "operation")));
    }

    public static <I> OperatorHarnessBuilder builderForStream(
            Function<DataStream<I>, ? extends DataStream<?>> build) {
        return new OperatorHarnessBuilder(OperatorPlan.ofStream(Objects.requireNonNull(build, "stream function")));
    }

    /**
     * Runs the same steps through several harnesses from {@code harnesses}, once per
     * {@link HarnessMode}, and checks every run against the expected output:
     * {@code OperatorHarness.verify(() -> OperatorHarness.forMap(fn)).input(...).expectOutput(...)}.
     *
     * @param harnesses makes a new, unused harness each time it is called
     */
    public static OperatorVerifier verify(Supplier<OperatorHarness> harnesses) {
        return new OperatorVerifier(harnesses);
    }

    // ---- input -------------------------------------------------------------------------------

    /** Hands the operator a record without an event timestamp. */
    public void processElement(Object record) {
        processElement(record, StreamOperator.NO_TIMESTAMP);
    }

    /** Hands the operator a record with its event timestamp in milliseconds. */
    public void processElement(Object record, long timestamp) {
        requireOpen("process a record");
        operator.processElement(record, timestamp);
    }

    /**
     * Hands the operator a watermark, which fires the event-time timers at or before it.
     *
     * @throws IllegalArgumentException when it does not advance past the last watermark
     */
    public void processWatermark(long watermark) {
        requireOpen("process a watermark");
        if (watermark <= this.watermark) {
            throw new IllegalArgumentException("watermark " + watermark + " does not advance past the last one, "
                    + this.watermark + "; the runtime hands an operator a watermark only when it advances");
        }
        this.watermark = watermark;
        operator.processWatermark(watermark);
    }

    /**
     * Moves the processing-time clock to {@code timeMs} and lets the operator see it, which fires the
     * processing-time timers then due.
     *
     * @throws IllegalArgumentException when {@code timeMs} is earlier than the clock shows
     */
    public void setProcessingTime(long timeMs) {
        requireOpen("move processing time");
        clock.setTime(timeMs);
        operator.onProcessingTime(timeMs);
    }

    public void advanceProcessingTime(long durationMs) {
        if (durationMs < 0) {
            throw new IllegalArgumentException("cannot move processing time back by " + durationMs + " ms");
        }
        setProcessingTime(Math.addExact(clock.currentTimeMillis(), durationMs));
    }

    /** Applies one scripted step: a record, a watermark or a move of the clock. */
    public void apply(HarnessStep step) {
        if (step instanceof TimestampedRecord record) {
            processElement(record.value(), record.timestamp());
        } else if (step instanceof Watermark w) {
            processWatermark(w.timestamp());
        } else if (step instanceof ProcessingTime time) {
            setProcessingTime(time.timeMs());
        } else {
            throw new IllegalArgumentException("unknown step " + step);
        }
    }

    /**
     * Ends the input as a job does: hands the operator the final watermark ({@link Long#MAX_VALUE}),
     * which fires every event-time timer, unless it already had it, then calls the operator's
     * {@code finish}. No input is taken afterwards.
     */
    public void finish() throws Exception {
        requireOpen("finish");
        if (watermark != Long.MAX_VALUE) {
            processWatermark(Long.MAX_VALUE);
        }
        operator.finish();
        lifecycle = State.FINISHED;
    }

    /**
     * Closes the operator (and its function); safe to call more than once.
     *
     * @throws IllegalStateException wrapping what the operator's close threw, if it was checked
     */
    @Override
    public void close() {
        if (lifecycle == State.CLOSED) {
            return;
        }
        lifecycle = State.CLOSED;
        try {
            operator.close();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("closing operator '" + shipped.name() + "' failed: " + e, e);
        }
    }

    /**
     * Replaces the operator with a new instance, as if its subtask had restarted but kept its state:
     * the old instance is closed; the new one is made from a fresh copy of the shipped function and
     * opened, and gets the old one's keyed state, operator state, timers and watermark. Anything the
     * function kept in its own fields starts again from the value it was shipped with, as it would in
     * a job. Output, dead letters, counters and the clock carry on.
     *
     * <p>State is handed over as it is, not through a snapshot: this checks what a function keeps
     * outside its state, not that its state survives serialization.
     */
    public void restartKeepingState() throws Exception {
        requireOpen("restart the operator");
        operator = instances.replace(operator, watermark);
    }

    // ---- output ------------------------------------------------------------------------------

    /** Everything the operator emitted so far, records and watermarks, in order. */
    public List<StreamItem> output() {
        return List.copyOf(output.items());
    }

    /** The values of the records emitted so far, in order, without timestamps or watermarks. */
    @SuppressWarnings("unchecked")
    public <T> List<T> outputValues() {
        List<T> values = new ArrayList<>();
        for (StreamItem item : output.items()) {
            if (item instanceof TimestampedRecord record) {
                values.add((T) record.value());
            }
        }
        return Collections.unmodifiableList(values);
    }

    /** Returns the output so far and forgets it, so the next assertion sees only what follows. */
    public List<StreamItem> takeOutput() {
        List<StreamItem> taken = output();
        output.items().clear();
        return taken;
    }

    public void clearOutput() {
        output.items().clear();
    }

    /** Records the function failed on under {@link ErrorPolicy#DEAD_LETTER}, in order. */
    public List<DeadLetter> deadLetters() {
        return List.copyOf(deadLetters);
    }

    /** The operator's counters: records in and out, failed, dead letters, late records. */
    public OperatorMetrics metrics() {
        OperatorCounters c = context.counters();
        return new OperatorMetrics(c.operator, c.recordsIn, c.recordsOut, c.recordsFailed, c.deadLetters,
                c.lateRecords);
    }

    // ---- state and timers --------------------------------------------------------------------

    /**
     * The raw keyed state entry of {@code key}: the value of value and reducing state, a list for list
     * state, a map for map state; null when the key has none. A copy: changing it changes nothing.
     *
     * @throws IllegalArgumentException when the operator has no state of that name
     */
    public Object state(Object key, String stateName) {
        return state.entry(key, stateName);
    }

    @SuppressWarnings("unchecked")
    public <T> T state(Object key, ValueStateDescriptor<T> descriptor) {
        return (T) state.entry(key, descriptor);
    }

    @SuppressWarnings("unchecked")
    public <T> T state(Object key, ReducingStateDescriptor<T> descriptor) {
        return (T) state.entry(key, descriptor);
    }

    /** The key's list; empty when it has none. */
    @SuppressWarnings("unchecked")
    public <T> List<T> state(Object key, ListStateDescriptor<T> descriptor) {
        List<T> list = (List<T>) state.entry(key, descriptor);
        return list == null ? List.of() : list;
    }

    /** The key's map; empty when it has none. */
    @SuppressWarnings("unchecked")
    public <K, V> Map<K, V> state(Object key, MapStateDescriptor<K, V> descriptor) {
        Map<K, V> map = (Map<K, V>) state.entry(key, descriptor);
        return map == null ? Map.of() : map;
    }

    /** The keys that have an entry in the named keyed state. */
    public Set<Object> keysWithState(String stateName) {
        return state.keys(stateName);
    }

    /** The elements of the named operator (non-keyed) list state. */
    @SuppressWarnings("unchecked")
    public <T> List<T> operatorState(String name) {
        return (List<T>) (List<?>) state.operatorList(name);
    }

    /** Event-time timers registered and not yet fired or deleted, over all keys. */
    public int registeredEventTimers() {
        return timers().eventTimers().size();
    }

    /** Processing-time timers registered and not yet fired or deleted, over all keys. */
    public int registeredProcessingTimers() {
        return timers().processingTimers().size();
    }

    /** The timestamps of {@code key}'s pending event-time timers, earliest first. */
    public List<Long> eventTimers(Object key) {
        return timestampsOf(timers().eventTimers(), key);
    }

    /** The timestamps of {@code key}'s pending processing-time timers, earliest first. */
    public List<Long> processingTimers(Object key) {
        return timestampsOf(timers().processingTimers(), key);
    }

    /** The last watermark handed to the operator; {@link Long#MIN_VALUE} before the first. */
    public long currentWatermark() {
        return watermark;
    }

    public long processingTime() {
        return clock.currentTimeMillis();
    }

    public String operatorName() {
        return shipped.name();
    }

    /** The operation under test as the user built it (not the copy that runs). */
    public Operation operation() {
        return shipped.original();
    }

    int outputSize() {
        return output.items().size();
    }

    /** Whether the harness is still unused: no step applied, nothing emitted, not finished. */
    boolean isFresh() {
        return lifecycle == State.OPEN && watermark == Long.MIN_VALUE && output.items().isEmpty()
                && context.counters().recordsIn == 0;
    }

    private KeyedTimerService timers() {
        if (!(operator instanceof KeyedOperator keyed)) {
            throw new IllegalStateException("operator '" + shipped.name() + "' is not on a keyed stream, so it has "
                    + "no timers; timers need keyBy(...) before a process function");
        }
        return keyed.timerService();
    }

    private static List<Long> timestampsOf(TimerQueue queue, Object key) {
        List<Long> timestamps = new ArrayList<>();
        for (Timer timer : queue.timers()) {
            if (timer.key().equals(key)) {
                timestamps.add(timer.timestamp());
            }
        }
        Collections.sort(timestamps);
        return timestamps;
    }

    private void requireOpen(String action) {
        if (lifecycle != State.OPEN) {
            throw new IllegalStateException("cannot " + action + ": operator '" + shipped.name() + "' is "
                    + lifecycle.name().toLowerCase(java.util.Locale.ROOT) + "; a finished or closed harness takes "
                    + "no more input");
        }
    }

    @Override
    public String toString() {
        return "OperatorHarness['" + shipped.name() + "', watermark " + watermark + ", processing time "
                + clock.currentTimeMillis() + " ms]";
    }
}
