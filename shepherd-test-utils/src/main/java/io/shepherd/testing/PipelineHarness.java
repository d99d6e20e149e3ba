package io.shepherd.testing;

import io.shepherd.api.DataStream;
import io.shepherd.api.DeadLetter;
import io.shepherd.api.StreamEnvironment;
import io.shepherd.api.execution.JobClient;
import io.shepherd.api.execution.JobExecutionException;
import io.shepherd.api.execution.JobResult;
import io.shepherd.api.sink.CollectSink;
import io.shepherd.common.Clock;
import io.shepherd.runtime.LocalExecutor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeoutException;

/**
 * Runs a small job end to end on the embedded runtime, from given inputs to collected outputs:
 * every operator, channel, partitioner and chain is the real one.
 *
 * <pre>{@code
 * PipelineHarness pipeline = PipelineHarness.create();
 * DataStream<String> words = pipeline.input(List.of("a", "b", "a"));
 * CollectedOutput<Tuple2<String, Long>> counts = pipeline.collect(words.keyBy(w -> w).count());
 * pipeline.run();
 * assertThat(counts.values()).containsExactly(Tuple2.of("a", 1L), Tuple2.of("b", 1L), Tuple2.of("a", 2L));
 * }</pre>
 *
 * <p>Defaults chosen for repeatable tests: parallelism 1, so each output keeps the order of its
 * stream; and a processing-time clock that stands still (a {@link ManualClock} at 0), so that
 * nothing depends on how fast the machine is — a timestamp assigner then emits no watermark
 * before the end of the input, and processing-time timers fire only if the test moves the clock.
 * For event time under the test's control, feed the job from {@link TestSources}. Records a
 * function fails on under {@code ErrorPolicy.DEAD_LETTER} are in {@link #deadLetters()}.
 *
 * <p>A harness runs one job, once.
 */
public final class PipelineHarness {
    /** How long {@link #run} waits for the job unless told otherwise. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

    private final Clock clock;
    private final StreamEnvironment env;
    private final List<CollectedOutput<?>> outputs = new ArrayList<>();
    private final CollectSink<DeadLetter> deadLetterSink = new CollectSink<>();
    private final CollectedOutput<DeadLetter> deadLetters = new CollectedOutput<>("dead letters", deadLetterSink);
    private Duration timeout = DEFAULT_TIMEOUT;
    private boolean ran;

    private PipelineHarness(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.env = StreamEnvironment.create(new LocalExecutor(clock)).setParallelism(1);
        this.env.setDeadLetterSink(deadLetterSink);
    }

    /** A harness whose processing-time clock stands still at 0. */
    public static PipelineHarness create() {
        return new PipelineHarness(new ManualClock(0));
    }

    /** A harness on the given clock: {@code Clock.system()} for real time, or a {@link ManualClock} the test moves. */
    public static PipelineHarness create(Clock clock) {
        return new PipelineHarness(clock);
    }

    /** The environment the job is described in, for sources and settings beyond these helpers. */
    public StreamEnvironment env() {
        return env;
    }

    public Clock clock() {
        return clock;
    }

    /** The parallelism of operators that do not set their own; 1 unless set. */
    public PipelineHarness setParallelism(int parallelism) {
        env.setParallelism(parallelism);
        return this;
    }

    /** How long {@link #run} waits for the job to end before it cancels it and fails. */
    public PipelineHarness timeout(Duration timeout) {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive, got " + timeout);
        }
        this.timeout = timeout;
        return this;
    }

    /** A bounded input of the given records, without timestamps. */
    public <T> DataStream<T> input(List<T> records) {
        return env.fromCollection(records).name("input");
    }

    /** A scripted input of records with timestamps and watermarks, in this order ({@link TestSources#of}). */
    public <T> DataStream<T> input(StreamItem... script) {
        return env.fromSource(TestSources.<T>of(Arrays.asList(script)), "input");
    }

    /** Ends {@code stream} in a sink whose records {@link CollectedOutput#values()} returns after the run. */
    public <T> CollectedOutput<T> collect(DataStream<T> stream) {
        return collect(stream, "collect-" + (outputs.size() + 1));
    }

    public <T> CollectedOutput<T> collect(DataStream<T> stream, String sinkName) {
        requireNotRun();
        CollectSink<T> sink = new CollectSink<>();
        stream.sink(sink).name(sinkName);
        CollectedOutput<T> output = new CollectedOutput<>(sinkName, sink);
        outputs.add(output);
        return output;
    }

    /**
     * Runs the job to its end and gathers every collected output and the dead letters.
     *
     * @throws JobExecutionException when the job failed; its message names the operator and record
     * @throws AssertionError when the job did not end within the timeout (it is cancelled first)
     */
    public JobResult run() throws JobExecutionException, InterruptedException {
        requireNotRun();
        ran = true;
        try {
            JobClient job = env.executeAsync("pipeline test");
            JobResult result = awaitOrCancel(job);
            outputs.forEach(CollectedOutput::gather);
            deadLetters.gather();
            return result;
        } finally {
            outputs.forEach(CollectedOutput::discard);
            deadLetters.discard();
        }
    }

    /** Records that functions failed on under {@code ErrorPolicy.DEAD_LETTER}; readable after {@link #run}. */
    public List<DeadLetter> deadLetters() {
        return deadLetters.values();
    }

    private JobResult awaitOrCancel(JobClient job) throws JobExecutionException, InterruptedException {
        try {
            return job.await(timeout);
        } catch (TimeoutException e) {
            job.cancel();
            try {
                job.await(Duration.ofSeconds(10));
            } catch (TimeoutException | JobExecutionException ignored) {
                // Already failing for the timeout; the job's own state after cancelling adds nothing.
            }
            throw new AssertionError("the job did not end within " + timeout + " and was cancelled. Is a source "
                    + "unbounded, or is an operator stuck? Inputs of a pipeline test must end", e);
        }
    }

    private void requireNotRun() {
        if (ran) {
            throw new IllegalStateException("this harness already ran its job; build the next job on a new harness");
        }
    }
}
