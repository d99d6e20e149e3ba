package io.shepherd.bench.checkpoint;

import io.shepherd.api.DataStream;
import io.shepherd.api.StreamEnvironment;
import io.shepherd.api.checkpoint.CheckpointingMode;
import io.shepherd.api.execution.CheckpointStats;
import io.shepherd.api.execution.JobClient;
import io.shepherd.connectors.generator.GeneratorSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Checkpoint duration under backpressure, aligned against unaligned. The job: an unbounded generator,
 * then {@code stages} times (rebalance → map), each a task of its own, then a sink that takes only
 * {@code rate} records per second; parallelism 1, a worker thread per task. Every channel between the
 * source and the sink stays full, so an aligned barrier queues behind each of them in turn, while an
 * unaligned one overtakes them and the data it overtook becomes channel state.
 *
 * <p>Each round runs every mode once (the order alternating between rounds) for {@code seconds}, with a
 * checkpoint every 200 ms, and cancels the job. Checkpoints triggered in the first second, while the
 * channels fill, are left out. One JSON line per stage count and mode: completed checkpoints per run,
 * their duration from trigger to durable completion, the longest alignment and the channel-state bytes.
 *
 * <pre>
 * java -cp shepherd-bench/target/benchmarks.jar io.shepherd.bench.checkpoint.BackpressureBench \
 *     [sink records/s, default 50000] [stages, default 1,2,4] [seconds per run, default 6] [rounds, default 3]
 * </pre>
 */
public final class BackpressureBench {
    private static final Duration INTERVAL = Duration.ofMillis(200);
    private static final Duration ALIGNMENT_TIMEOUT = Duration.ofMillis(20);
    private static final long SETTLE_MS = 1_000;

    private BackpressureBench() {}

    /** A checkpointing configuration under test. */
    private enum Mode {
        ALIGNED(CheckpointingMode.ALIGNED, null),
        ALIGNED_WITH_TIMEOUT(CheckpointingMode.ALIGNED, ALIGNMENT_TIMEOUT),
        UNALIGNED(CheckpointingMode.UNALIGNED, null);

        final CheckpointingMode mode;
        final Duration alignmentTimeout;

        Mode(CheckpointingMode mode, Duration alignmentTimeout) {
            this.mode = mode;
            this.alignmentTimeout = alignmentTimeout;
        }

        String label() {
            return alignmentTimeout == null ? name().toLowerCase(Locale.ROOT)
                    : "aligned, timeout " + alignmentTimeout.toMillis() + " ms";
        }
    }

    public static void main(String[] args) throws Exception {
        double rate = args.length > 0 ? Double.parseDouble(args[0]) : 50_000;
        List<Integer> stageCounts = args.length > 1
                ? Arrays.stream(args[1].split(",")).map(Integer::parseInt).toList() : List.of(1, 2, 4);
        Duration runTime = Duration.ofSeconds(args.length > 2 ? Long.parseLong(args[2]) : 6);
        int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 3;
        for (int stages : stageCounts) {
            Map<Mode, List<List<CheckpointStats>>> runs = new LinkedHashMap<>();
            for (Mode mode : Mode.values()) {
                runs.put(mode, new ArrayList<>());
            }
            for (int round = 0; round < rounds; round++) {
                List<Mode> order = new ArrayList<>(runs.keySet());
                if (round % 2 == 1) {
                    Collections.reverse(order);
                }
                for (Mode mode : order) {
                    runs.get(mode).add(run(mode, stages, rate, runTime));
                }
            }
            runs.forEach((mode, checkpoints) -> System.out.println(report(mode, stages, rate, checkpoints)));
        }
    }

    /** The completed checkpoints of one run, triggered once the channels were full. */
    private static List<CheckpointStats> run(Mode mode, int stages, double rate, Duration runTime) throws Exception {
        Path directory = Files.createTempDirectory("shepherd-backpressure-");
        try {
            StreamEnvironment env = StreamEnvironment.create().setParallelism(1);
            env.config().setWorkerThreads(stages + 2);
            env.config().checkpointing().setInterval(INTERVAL).setMode(mode.mode)
                    .setAlignmentTimeout(mode.alignmentTimeout).setDirectory(directory.toString());
            DataStream<Long> stream = env.fromSource(GeneratorSource.unbounded(index -> index), "generator");
            for (int i = 0; i < stages; i++) {
                stream = stream.rebalance().map(value -> value + 1).name("stage-" + i);
            }
            stream.sink(new RateLimitedSink<>(rate));
            long startMs = System.currentTimeMillis();
            JobClient job = env.executeAsync("backpressure-" + mode.name().toLowerCase(Locale.ROOT));
            Thread.sleep(runTime.toMillis());
            List<CheckpointStats> checkpoints = job.checkpoints();
            job.cancel();
            job.await(Duration.ofSeconds(60));
            return checkpoints.stream()
                    .filter(stats -> stats.isCompleted() && stats.triggerTimeMs() >= startMs + SETTLE_MS)
                    .toList();
        } finally {
            TemporaryDirectory.delete(directory);
        }
    }

    private static String report(Mode mode, int stages, double rate, List<List<CheckpointStats>> runs) {
        List<CheckpointStats> all = runs.stream().flatMap(List::stream).toList();
        return String.format(Locale.ROOT,
                "{\"mode\":\"%s\",\"stages\":%d,\"sink_records_per_second\":%.0f,\"runs\":%d,"
                        + "\"completed_per_run\":%.1f,%s,%s,%s,%s}",
                mode.label(), stages, rate, runs.size(), (double) all.size() / runs.size(),
                BenchFigures.of(all.stream().map(stats -> (double) stats.duration().toMillis()).toList())
                        .json("duration_ms"),
                BenchFigures.of(all.stream().map(stats -> stats.maxAlignment().toNanos() / 1e6).toList())
                        .json("max_alignment_ms"),
                BenchFigures.of(all.stream().map(stats -> (double) stats.channelStateBytes()).toList())
                        .json("channel_state_bytes"),
                BenchFigures.of(all.stream().map(stats -> (double) stats.stateBytes()).toList())
                        .json("state_bytes"));
    }
}
