package io.shepherd.cli.bench;

import io.shepherd.api.checkpoint.CheckpointingMode;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code shepherd bench}: end-to-end throughput of the benchmark jobs on the embedded engine, one
 * JSON object per job, parallelism and variant (checkpoint interval) on stdout.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measure end-to-end throughput of the benchmark jobs on the embedded engine.")
public final class BenchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--job", description = "stateless, keyed-count or all (default: ${DEFAULT-VALUE})",
            defaultValue = "all")
    String job;

    @Option(names = "--parallelism", split = ",", description = "parallelisms to run (default: 1,2)",
            defaultValue = "1,2")
    List<Integer> parallelisms;

    @Option(names = "--records", description = "records per run (default: ${DEFAULT-VALUE})",
            defaultValue = "100000000")
    long records;

    @Option(names = "--warmups", description = "unmeasured runs first, for the JIT (default: ${DEFAULT-VALUE})",
            defaultValue = "1")
    int warmups;

    @Option(names = "--repeats", description = "measured runs; the median is reported (default: ${DEFAULT-VALUE})",
            defaultValue = "3")
    int repeats;

    @Option(names = "--checkpoint-interval", split = ",", converter = IntervalConverter.class,
            description = "checkpoint intervals, measured interleaved run by run against the first: off, <n>ms, <n>s "
                    + "(default: off; e.g. off,1s)", defaultValue = "off")
    List<Duration> checkpointIntervals;

    @Option(names = "--checkpointing", converter = BenchVariant.ModeConverter.class,
            description = "aligned, unaligned or at-least-once (default: aligned)", defaultValue = "aligned")
    CheckpointingMode checkpointing;

    @Option(names = "--acking", description = "also measure the job in ack mode, interleaved against the first "
            + "variant, with its complete latency")
    boolean acking;

    @Option(names = "--rate", description = "records per second the source is held to, e.g. half of the peak for "
            + "latency figures; 0 for as fast as it goes (default: ${DEFAULT-VALUE})", defaultValue = "0")
    double rate;

    @Option(names = "--worker-threads", description = "worker threads per job (default: the parallelism); as many "
            + "as the job has tasks approximates a thread per task")
    Integer workerThreads;

    @Override
    public Integer call() throws Exception {
        List<BenchJob> jobs = job.equals("all") ? List.of(BenchJob.values()) : List.of(BenchJob.fromLabel(job));
        List<BenchVariant> variants = new ArrayList<>(checkpointIntervals.stream()
                .map(interval -> new BenchVariant(interval, checkpointing))
                .toList());
        if (acking) {
            variants.add(BenchVariant.acked());
        }
        PrintWriter out = spec.commandLine().getOut();
        for (BenchJob benchJob : jobs) {
            for (int parallelism : parallelisms) {
                for (BenchRunner.Measurement m : BenchRunner.measure(benchJob, parallelism,
                        workerThreads == null ? parallelism : workerThreads, records, rate, variants, warmups,
                        repeats)) {
                    out.println(m.json());
                }
                out.flush();
            }
        }
        return 0;
    }
}
