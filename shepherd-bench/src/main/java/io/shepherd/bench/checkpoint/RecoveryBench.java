package io.shepherd.bench.checkpoint;

import io.shepherd.api.StreamEnvironment;
import io.shepherd.api.checkpoint.CheckpointingMode;
import io.shepherd.api.execution.CheckpointStats;
import io.shepherd.api.execution.JobClient;
import io.shepherd.api.execution.JobResult;
import io.shepherd.api.execution.Recovery;
import io.shepherd.api.sink.DiscardingSink;
import io.shepherd.connectors.generator.GeneratorSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Recovery time of the keyed running count (the job of {@code shepherd bench --job keyed-count}:
 * generator, key = value mod 10,000, keyBy, running count in keyed state, discard) at parallelism 2
 * with aligned checkpoints every second. Each run lets the job run for a while, then fails subtask 0
 * of the generator's task with an exception (at a moment drawn from a seed, so failures fall anywhere
 * between two checkpoints), and measures:
 *
 * <ul>
 *   <li>{@code recovery_ms}: the engine's own figure ({@link Recovery#recoveryTime()}), from the
 *       failure to the first record any task processes after the restore;
 *   <li>{@code first_record_ms}: the same seen from the job, when the generator's restored task first
 *       hands on a record;
 *   <li>{@code caught_up_ms}: until every generator subtask is back at the index it had reached when
 *       the job failed, i.e. the records since the restored checkpoint have been processed again;
 *   <li>{@code replayed_records}: how many records that was;
 *   <li>{@code checkpoint_aborted}: whether a checkpoint was under way at the failure, so that the
 *       restart first waited for its abort to be recorded durably.
 * </ul>
 *
 * One unmeasured run first warms the JIT. One JSON line per run, then the medians and ranges.
 *
 * <pre>
 * java -cp shepherd-bench/target/benchmarks.jar io.shepherd.bench.checkpoint.RecoveryBench \
 *     [runs, default 10] [checkpoint interval ms, default 1000] [seed, default 1]
 * </pre>
 */
public final class RecoveryBench {
    private static final int PARALLELISM = 2;
    private static final long KEYS = 10_000;
    /** Long enough for the JIT and for a few checkpoints to complete before the failure. */
    private static final Duration RUN_BEFORE_FAILURE = Duration.ofSeconds(3);
    private static final Duration DEADLINE = Duration.ofSeconds(60);

    private RecoveryBench() {}

    /** What one run measured. */
    private record Outcome(double recoveryMs, double firstRecordMs, double caughtUpMs, long replayedRecords,
            long restoredCheckpoint, long sinceCheckpointMs, boolean checkpointAborted) {

        String json() {
            return String.format(Locale.ROOT,
                    "{\"recovery_ms\":%.1f,\"first_record_ms\":%.1f,\"caught_up_ms\":%.1f,\"replayed_records\":%d,"
                            + "\"restored_checkpoint\":%d,\"failure_after_checkpoint_trigger_ms\":%d,"
                            + "\"checkpoint_aborted\":%b}",
                    recoveryMs, firstRecordMs, caughtUpMs, replayedRecords, restoredCheckpoint, sinceCheckpointMs,
                    checkpointAborted);
        }
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        Duration interval = Duration.ofMillis(args.length > 1 ? Long.parseLong(args[1]) : 1000);
        SplittableRandom random = new SplittableRandom(args.length > 2 ? Long.parseLong(args[2]) : 1);
        run(interval, random.nextLong(interval.toMillis())); // warm-up
        List<Outcome> outcomes = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            Outcome outcome = run(interval, random.nextLong(interval.toMillis()));
            System.out.println(outcome.json());
            outcomes.add(outcome);
        }
        System.out.println(String.format(Locale.ROOT, "{\"runs\":%d,\"checkpoint_interval_ms\":%d,%s,%s,%s,%s}",
                runs, interval.toMillis(),
                BenchFigures.of(outcomes.stream().map(Outcome::recoveryMs).toList()).json("recovery_ms"),
                BenchFigures.of(outcomes.stream().map(Outcome::firstRecordMs).toList()).json("first_record_ms"),
                BenchFigures.of(outcomes.stream().map(Outcome::caughtUpMs).toList()).json("caught_up_ms"),
                BenchFigures.of(outcomes.stream().map(o -> (double) o.replayedRecords()).toList())
                        .json("replayed_records")));
    }

    private static Outcome run(Duration interval, long extraMs) throws Exception {
        Path directory = Files.createTempDirectory("shepherd-recovery-");
        FailureProbe.Recovery recovery = new FailureProbe.Recovery(PARALLELISM);
        FailureProbe.Recovery.current = recovery;
        try {
            StreamEnvironment env = StreamEnvironment.create().setParallelism(PARALLELISM);
            env.config().setWorkerThreads(PARALLELISM);
            env.config().checkpointing().setInterval(interval).setMode(CheckpointingMode.ALIGNED)
                    .setDirectory(directory.toString());
            env.fromSource(GeneratorSource.unbounded(index -> index), "generator")
                    .map(new FailureProbe())
                    .keyBy(value -> value % KEYS)
                    .count()
                    .sink(new DiscardingSink<>());
            JobClient job = env.executeAsync("recovery-bench");
            Thread.sleep(RUN_BEFORE_FAILURE.toMillis() + extraMs);
            long failureMs = System.currentTimeMillis();
            recovery.arm();
            long deadline = System.nanoTime() + DEADLINE.toNanos();
            while (!recovery.hasCaughtUp()) {
                if (System.nanoTime() > deadline) {
                    job.cancel();
                    throw new IllegalStateException("the job did not catch up within " + DEADLINE
                            + "; recoveries: " + job.recoveries());
                }
                Thread.sleep(1);
            }
            List<CheckpointStats> checkpoints = job.checkpoints();
            job.cancel();
            JobResult result = job.await(DEADLINE);
            if (result.recoveries().size() != 1) {
                throw new IllegalStateException("expected one recovery, got " + result.recoveries());
            }
            Recovery measured = result.recoveries().get(0);
            long restoredTrigger = checkpoints.stream()
                    .filter(stats -> stats.id() == measured.restoredCheckpoint())
                    .mapToLong(CheckpointStats::triggerTimeMs)
                    .findFirst()
                    .orElse(failureMs);
            return new Outcome(measured.recoveryTime().toNanos() / 1e6, recovery.firstRecordAfterNanos() / 1e6,
                    recovery.caughtUpAfterNanos() / 1e6, recovery.replayedRecords(), measured.restoredCheckpoint(),
                    failureMs - restoredTrigger,
                    checkpoints.stream().anyMatch(stats -> stats.status() == CheckpointStats.Status.ABORTED));
        } finally {
            FailureProbe.Recovery.current = null;
            TemporaryDirectory.delete(directory);
        }
    }
}
