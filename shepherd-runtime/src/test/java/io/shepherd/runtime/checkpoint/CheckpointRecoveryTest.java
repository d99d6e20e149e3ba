package io.shepherd.runtime.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;

import io.shepherd.api.DataStream;
import io.shepherd.api.StreamEnvironment;
import io.shepherd.api.checkpoint.CheckpointingMode;
import io.shepherd.api.checkpoint.RestartStrategy;
import io.shepherd.api.execution.JobResult;
import io.shepherd.api.functions.Collector;
import io.shepherd.api.functions.FunctionContext;
import io.shepherd.api.functions.KeyedCoProcessFunction;
import io.shepherd.api.functions.KeyedProcessFunction;
import io.shepherd.api.state.ValueState;
import io.shepherd.api.state.ValueStateDescriptor;
import io.shepherd.api.tuple.Tuple2;
import io.shepherd.runtime.LocalExecutor;
import io.shepherd.runtime.testing.InjectedFailures;
import io.shepherd.runtime.testing.Jobs;
import io.shepherd.runtime.testing.Multisets;
import io.shepherd.runtime.testing.PacedSource;
import io.shepherd.runtime.testing.Shared;
import io.shepherd.runtime.testing.TransactionalCollectSink;
import io.shepherd.testkit.SeededRuns;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Checkpoints on the real runtime: a job of two unioned sources and a third one, connected by key
 * into a two-input running count, then rebalanced into a transactional sink, at parallelism 1 to
 * 4, with task failures injected at
 * records drawn from a seed (also twice in a row). Exactly-once modes must commit exactly the
 * output of a run without failures; at-least-once must lose nothing.
 */
class CheckpointRecoveryTest {
    private static final int KEYS = 13;

    @Test
    void alignedCheckpointsRecoverExactlyOnce() {
        SeededRuns.of("aligned recovery", 5, 100).forEach(seed -> run(seed, CheckpointingMode.ALIGNED, null, true));
    }

    @Test
    void unalignedCheckpointsRecoverExactlyOnce() {
        SeededRuns.of("unaligned recovery", 5, 100).forEach(seed -> run(seed, CheckpointingMode.UNALIGNED, null, true));
    }

    @Test
    void alignedCheckpointsWithTimeoutRecoverExactlyOnce() {
        SeededRuns.of("aligned-with-timeout recovery", 5, 100)
                .forEach(seed -> run(seed, CheckpointingMode.ALIGNED, Duration.ZERO, true));
    }

    @Test
    void atLeastOnceCheckpointsLoseNothing() {
        SeededRuns.of("at-least-once recovery", 5, 100)
                .forEach(seed -> run(seed, CheckpointingMode.AT_LEAST_ONCE, null, false));
    }

    private static void run(long seed, CheckpointingMode mode, Duration alignmentTimeout, boolean exactlyOnce) {
        SplittableRandom random = new SplittableRandom(seed);
        int parallelism = 1 + random.nextInt(4);
        long perSource = 20_000 + random.nextInt(20_000);
        Set<Long> failAt = new TreeSet<>();
        int failures = 1 + random.nextInt(3);
        for (int i = 0; i < failures; i++) {
            failAt.add(random.nextLong(perSource / 2));
        }
        if (random.nextBoolean()) {
            failAt.add(failAt.iterator().next() + 1); // a second failure right after the first restore
        }
        int injected = failAt.size();
        Shared<InjectedFailures> pendingFailures = Shared.of(new InjectedFailures(failAt));

        StreamEnvironment env = StreamEnvironment.create(new LocalExecutor()).setParallelism(parallelism);
        env.config().checkpointing().setInterval(Duration.ofMillis(10 + random.nextInt(30))).setMode(mode)
                .setAlignmentTimeout(alignmentTimeout)
                .setRestartStrategy(RestartStrategy.fixedDelay(10, Duration.ZERO));
        // About a second per run whatever the parallelism: long enough for checkpoints to complete before the failures.
        int perMilli = Math.max(1, 25 / parallelism);
        DataStream<Long> first = env.fromSource(new PacedSource(perSource, perMilli)
                .holdingTailUntil(pendingFailures), "first");
        DataStream<Long> second = env.fromSource(new PacedSource(perSource, perMilli), "second").map(v -> v + perSource);
        DataStream<Long> third = env.fromSource(new PacedSource(perSource, perMilli), "third").map(v -> v + 2 * perSource);
        TransactionalCollectSink<Tuple2<Long, Long>> sink = new TransactionalCollectSink<>();
        first.union(second)
                .map(v -> {
                    // Armed once output was committed: then every restore starts from a completed checkpoint.
                    pendingFailures.get().check(v, sink::hasCommitted);
                    return v;
                })
                .keyBy(v -> v % KEYS)
                .connect(third.keyBy(v -> v % KEYS))
                .process(new RunningCount())
                .rebalance()
                .sink(sink);
        JobResult result;
        try {
            result = Jobs.run(env, "recovery " + mode);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        assertThat(pendingFailures.get().remaining()).as("failures not reached").isZero();
        // Two subtasks may both fail before the job has stopped: one recovery covers both.
        assertThat(result.recoveries()).as("recoveries").isNotEmpty().hasSizeLessThanOrEqualTo(injected)
                .allSatisfy(recovery -> assertThat(recovery.restoredCheckpoint()).as("restored from a checkpoint")
                        .isPositive());
        List<Tuple2<Long, Long>> expected = reference(3 * perSource);
        List<Tuple2<Long, Long>> committed = sink.committed();
        Multisets.Diff<Tuple2<Long, Long>> diff = Multisets.diff(expected, committed);
        if (exactlyOnce) {
            assertThat(diff.isEmpty()).as("exactly-once output after %s: %s", result.recoveries(), diff).isTrue();
        } else {
            assertThat(diff.missing()).as("records lost after %s", result.recoveries()).isEmpty();
        }
        pendingFailures.release();
    }

    /** The running count's output without failures: (key, n) for n = 1..count of the key. */
    private static List<Tuple2<Long, Long>> reference(long records) {
        long[] counts = new long[KEYS];
        List<Tuple2<Long, Long>> out = new ArrayList<>();
        for (long v = 0; v < records; v++) {
            int key = (int) (v % KEYS);
            out.add(Tuple2.of((long) key, ++counts[key]));
        }
        return out;
    }

    /** Counts the records of both inputs per key; the output is the same whatever their interleaving. */
    private static final class RunningCount extends KeyedCoProcessFunction<Long, Long, Long, Tuple2<Long, Long>> {
        private transient ValueState<Long> count;

        @Override
        public void open(FunctionContext context) {
            count = context.getState(new ValueStateDescriptor<>("count", Long.class));
        }

        @Override
        public void processElement1(Long value, KeyedProcessFunction.Context<Long> context,
                Collector<Tuple2<Long, Long>> out) {
            processElement2(value, context, out);
        }

        @Override
        public void processElement2(Long value, KeyedProcessFunction.Context<Long> context,
                Collector<Tuple2<Long, Long>> out) {
            long next = (count.value() == null ? 0 : count.value()) + 1;
            count.update(next);
            out.collect(Tuple2.of(context.currentKey(), next));
        }
    }
}
