package io.shepherd.runtime.ack.job;

import static org.assertj.core.api.Assertions.assertThat;

import io.shepherd.api.StreamEnvironment;
import io.shepherd.api.ack.AckMetrics;
import io.shepherd.api.execution.JobResult;
import io.shepherd.api.functions.Collector;
import io.shepherd.api.functions.KeyedProcessFunction;
import io.shepherd.api.sink.CollectSink;
import io.shepherd.api.sink.Sink;
import io.shepherd.api.sink.SinkWriter;
import io.shepherd.api.time.WatermarkStrategy;
import io.shepherd.api.windowing.TumblingEventTimeWindows;
import io.shepherd.runtime.LocalExecutor;
import io.shepherd.runtime.testing.Jobs;
import io.shepherd.runtime.testing.Multisets;
import io.shepherd.testkit.SeededRuns;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/**
 * Ack mode end to end (DESIGN.md part 3, docs/ack-mode.md): jobs run through injected failures — user
 * functions throwing in every kind of operator, records swallowed in flight — and their output is compared
 * with a reference computed without the engine. At-least-once: nothing may be missing; duplicates are
 * counted, and may only be records the reference has.
 */
class AckModeEndToEndTest {
    private static final int RECORDS = 4_000;
    private static final Duration TREE_TIMEOUT = Duration.ofMillis(200);

    @Test
    void when_nothing_fails_then_the_output_is_the_reference_and_every_record_completes_once() throws Exception {
        InjectedFaults faults = new InjectedFaults();
        Run run = runPipeline(faults, Duration.ofMinutes(1)); // nothing is dropped: no healthy tree may time out
        assertThat(run.diff().isEmpty()).as("output against the reference: %s", run.diff()).isTrue();
        assertThat(run.acking().completed()).isEqualTo(RECORDS);
        assertThat(run.acking().emitted()).isEqualTo(RECORDS);
        assertThat(run.acking().replayed()).isZero();
        assertThat(run.acking().pending()).isZero();
        assertThat(run.acking().latencyCount()).isEqualTo(RECORDS);
    }

    @Test
    void when_functions_throw_and_records_are_lost_in_flight_then_nothing_is_lost() {
        SeededRuns.of("ack mode through injected failures", 3, 100).forEach(seed -> {
            SplittableRandom random = new SplittableRandom(seed);
            InjectedFaults faults = new InjectedFaults();
            List<Long> afterFlatMap = new ArrayList<>();
            for (long x = 0; x < RECORDS; x++) {
                afterFlatMap.addAll(flatMapped(x));
            }
            for (int i = 0; i < 20; i++) {
                faults.throwOnce("flatMap", random.nextLong(RECORDS));
                faults.throwOnce("filter", afterFlatMap.get(random.nextInt(afterFlatMap.size())));
                long kept = keptAfterFilter(afterFlatMap, random);
                faults.throwOnce("keyed", kept);
                faults.throwOnce("map", kept);
                faults.throwOnce("sink", kept + 1);
            }
            for (int i = 0; i < 5; i++) {
                faults.dropOnce(keptAfterFilter(afterFlatMap, random));
            }
            Run run;
            try {
                run = runPipeline(faults, TREE_TIMEOUT);
            } catch (Exception e) {
                throw new AssertionError(e);
            }
            assertThat(run.diff().missing()).as("records lost (seed %s): %s", seed, run.diff().missing()).isEmpty();
            assertThat(new HashSet<>(run.expected())).as("duplicates must be records of the reference")
                    .containsAll(run.diff().extra());
            System.out.printf("seed %d: %d failures thrown, %d records swallowed; %d duplicates; %s%n", seed,
                    faults.thrown.get(), faults.dropped.get(), run.diff().extra().size(), run.acking());
            assertThat(faults.thrown.get()).as("planted failures that struck").isPositive();
            assertThat(faults.dropped.get()).isEqualTo(5);
            assertThat(run.acking().failed()).as("trees failed by a throwing function").isPositive();
            assertThat(run.acking().timedOut()).as("trees of swallowed records time out").isGreaterThanOrEqualTo(1);
            assertThat(run.acking().lastTimeout()).as("where a timed-out tree was held").contains("source 'collection'");
            assertThat(run.acking().replayed()).isGreaterThanOrEqualTo(run.acking().failed() + run.acking().timedOut());
            assertThat(run.acking().pending()).isZero();
            assertThat(run.acking().completed()).isEqualTo(RECORDS);
        });
    }

    /**
     * The source sends straight to a keyed stage, so it leaves each root's init to that stage (delegated
     * inits): a record swallowed there leaves no ledger, and the source's backstop probe replays it.
     */
    @Test
    void when_a_source_leaves_its_inits_to_the_next_task_then_failures_and_losses_there_are_replayed() throws Exception {
        InjectedFaults faults = new InjectedFaults();
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 20; i++) {
            faults.throwOnce("keyed", random.nextLong(RECORDS));
            faults.throwOnce("map", random.nextLong(RECORDS));
        }
        for (int i = 0; i < 5; i++) {
            faults.dropOnce(random.nextLong(RECORDS));
        }
        InjectedFaults.Handle f = InjectedFaults.share(faults);
        StreamEnvironment env = ackedEnvironment(TREE_TIMEOUT);
        CollectSink<Long> sink = new CollectSink<>();
        env.fromCollection(LongStream.range(0, RECORDS).boxed().toList())
                .keyBy(v -> v % 13)
                .process(new SwallowingStage(f))
                .map(v -> {
                    f.strike("map", v);
                    return v;
                })
                .sink(sink);
        JobResult result = Jobs.run(env, "delegated inits");
        f.release();
        Multisets.Diff<Long> diff = Multisets.diff(LongStream.range(0, RECORDS).boxed().toList(), sink.results());
        assertThat(diff.missing()).as("records lost: %s", diff.missing()).isEmpty();
        assertThat(faults.dropped.get()).isEqualTo(5);
        AckMetrics acking = result.metrics().acking();
        assertThat(acking.failed()).as("failed trees, told by the acker").isPositive();
        assertThat(acking.replayed()).as("every failed or lost record emitted again")
                .isGreaterThanOrEqualTo(acking.failed() + 5);
        assertThat(acking.completed()).isEqualTo(RECORDS);
        sink.clear();
    }

    @Test
    void when_output_of_a_window_fails_downstream_then_the_window_emits_it_again() throws Exception {
        InjectedFaults faults = new InjectedFaults();
        Map<Long, Long> sums = new HashMap<>();
        for (long v = 0; v < RECORDS; v++) {
            sums.merge(windowOf(v) * 10 + v % 4, v, Long::sum);
        }
        List<Long> expected = sums.values().stream().sorted().toList();
        for (int i = 0; i < expected.size(); i += 7) {
            faults.throwOnce("after-window", expected.get(i));
        }
        InjectedFaults.Handle f = InjectedFaults.share(faults);
        // No tree may time out here: a replayed input would be folded into its window twice, and the sum
        // compared below would be off (at-least-once: an aggregate may count an input more than once).
        StreamEnvironment env = ackedEnvironment(Duration.ofMinutes(1));
        CollectSink<Long> sink = new CollectSink<>();
        env.fromCollection(LongStream.range(0, RECORDS).boxed().toList())
                .assignTimestampsAndWatermarks(WatermarkStrategy.forMonotonousTimestamps((Long v) -> v))
                .keyBy(v -> v % 4)
                .window(TumblingEventTimeWindows.of(Duration.ofMillis(100)))
                .reduce(Long::sum)
                .map(sum -> {
                    f.strike("after-window", sum);
                    return sum;
                })
                .sink(sink);
        JobResult result = Jobs.run(env, "acked window");
        f.release();
        Multisets.Diff<Long> diff = Multisets.diff(expected, sink.results());
        assertThat(diff.missing()).as("window results lost: %s", diff).isEmpty();
        assertThat(faults.thrown.get()).isPositive();
        assertThat(result.metrics().acking().failed()).as("window results failed downstream")
                .isGreaterThanOrEqualTo(faults.thrown.get());
        assertThat(result.metrics().acking().pending()).isZero();
        sink.clear();
    }

    private static long windowOf(long value) {
        return value / 100;
    }

    private static long keptAfterFilter(List<Long> afterFlatMap, SplittableRandom random) {
        long value;
        do {
            value = afterFlatMap.get(random.nextInt(afterFlatMap.size()));
        } while (!kept(value));
        return value;
    }

    private static List<Long> flatMapped(long x) {
        return x % 5 == 0 ? List.of(x * 10, x * 10 + 1) : List.of(x * 10);
    }

    private static boolean kept(long value) {
        return value % 7 != 3;
    }

    private record Run(List<Long> expected, Multisets.Diff<Long> diff, AckMetrics acking) {}

    /**
     * source → flatMap (fan-out) → filter → keyBy → keyed process (may swallow) → map → sink, parallelism 2,
     * every stage able to fail.
     */
    private static Run runPipeline(InjectedFaults faults, Duration treeTimeout) throws Exception {
        InjectedFaults.Handle f = InjectedFaults.share(faults);
        StreamEnvironment env = ackedEnvironment(treeTimeout);
        CollectingSink sink = new CollectingSink(f, new CollectSink<>());
        env.fromCollection(LongStream.range(0, RECORDS).boxed().toList())
                .flatMap((Long x, Collector<Long> out) -> {
                    f.strike("flatMap", x);
                    flatMapped(x).forEach(out::collect);
                })
                .filter(v -> {
                    f.strike("filter", v);
                    return kept(v);
                })
                .keyBy(v -> v % 13)
                .process(new SwallowingStage(f))
                .map(v -> {
                    f.strike("map", v);
                    return v + 1;
                })
                .sink(sink);
        JobResult result = Jobs.run(env, "acked pipeline");
        f.release();
        List<Long> expected = new ArrayList<>();
        for (long x = 0; x < RECORDS; x++) {
            flatMapped(x).stream().filter(AckModeEndToEndTest::kept).forEach(v -> expected.add(v + 1));
        }
        List<Long> actual = sink.collected.results();
        sink.collected.clear();
        return new Run(expected, Multisets.diff(expected, actual), result.metrics().acking());
    }

    private static StreamEnvironment ackedEnvironment(Duration treeTimeout) {
        StreamEnvironment env = StreamEnvironment.create(new LocalExecutor()).setParallelism(2);
        env.config().acking().enable().setMaxPending(256).setTreeTimeout(treeTimeout);
        return env;
    }

    /** Keyed pass-through that throws where planted, and swallows planted records: holds them, never releases. */
    private static final class SwallowingStage extends KeyedProcessFunction<Long, Long, Long> {
        private final InjectedFaults.Handle faults;

        SwallowingStage(InjectedFaults.Handle faults) {
            this.faults = faults;
        }

        @Override
        public void processElement(Long value, Context<Long> context, Collector<Long> out) {
            faults.strike("keyed", value);
            if (faults.swallow(value)) {
                context.anchoring().hold();
                return;
            }
            out.collect(value);
        }
    }

    /** A sink whose writer throws where planted, before writing. */
    private record CollectingSink(InjectedFaults.Handle faults, CollectSink<Long> collected) implements Sink<Long> {
        @Override
        public SinkWriter<Long> createWriter(io.shepherd.api.functions.FunctionContext context) throws Exception {
            SinkWriter<Long> writer = collected.createWriter(context);
            return record -> {
                faults.strike("sink", record);
                writer.write(record);
            };
        }
    }
}
