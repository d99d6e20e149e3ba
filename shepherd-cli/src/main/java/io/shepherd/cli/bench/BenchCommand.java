package io.shepherd.cli.bench;

import io.shepherd.api.checkpoint.CheckpointingMode;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code shepherd bench}: end-to-end throughput of the benchmark jobs on the embedded engine, one
 * JSON object per job, parallelism and variant (checkpoint interval) on stdout; with {@code --compare},
 * the side-by-side comparison with another engine ({@link PeerComparison}).
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measure end-to-end throughput of the benchmark jobs on the embedded engine.")
public final class BenchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--job", description = "stateless, keyed-count or all; with --compare, one of its jobs or all "
            + "(default: ${DEFAULT-VALUE})",
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

    @Option(names = "--compare", paramLabel = "ENGINE", description = "run the same jobs side by side with ENGINE "
            + "(flink or storm), alternately, each run in a fresh JVM, and print per job the medians and the ratio "
            + "with its range; JSON and PNG charts go to --results. none: Shepherd alone, for regression checks. "
            + "Jobs: stateless, keyed-count, keyed-count-acked (ack mode; storm), keyed-count-exactly-once, "
            + "keyed-count-at-least-once, keyed-count-unaligned, recovery, window, latency, all (what ENGINE has)")
    String compare;

    @Option(names = "--quick", description = "with --compare: shorter runs and two pairs (about ten minutes in all)")
    boolean quick;

    @Option(names = "--pairs", description = "with --compare: runs of each engine per job (default: 5, 2 with --quick)")
    Integer pairs;

    @Option(names = "--results", description = "with --compare: where results.json, summary.md and the charts go "
            + "(default: bench-results/compare-<time>)")
    String results;

    @Override
    public Integer call() throws Exception {
        if (compare != null) {
            return PeerComparison.run(comparisonArguments());
        }
        if (quick || pairs != null || results != null) {
            throw new ParameterException(spec.commandLine(), "--quick, --pairs and --results go with --compare");
        }
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

    /** The comparison's options: those of this command that it shares, as given. */
    private List<String> comparisonArguments() {
        List<String> args = new ArrayList<>(List.of("--peer", compare, "--job", job));
        ParseResult given = spec.commandLine().getParseResult();
        if (given.hasMatchedOption("--parallelism")) {
            if (parallelisms.size() != 1) {
                throw new ParameterException(spec.commandLine(), "--compare runs one parallelism at a time");
            }
            args.addAll(List.of("--parallelism", parallelisms.get(0).toString()));
        }
        for (String engineOnly : List.of("--records", "--warmups", "--repeats", "--checkpoint-interval",
                "--checkpointing", "--acking", "--rate", "--worker-threads")) {
            if (given.hasMatchedOption(engineOnly)) {
                throw new ParameterException(spec.commandLine(), engineOnly + " does not go with --compare: the "
                        + "comparison's jobs fix their own sizes and settings");
            }
        }
        if (quick) {
            args.add("--quick");
        }
        if (pairs != null) {
            args.addAll(List.of("--pairs", pairs.toString()));
        }
        if (results != null) {
            args.addAll(List.of("--results", results));
        }
        return args;
    }
}
