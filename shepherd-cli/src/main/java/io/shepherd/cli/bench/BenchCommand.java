package io.shepherd.cli.bench;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code shepherd bench}: end-to-end throughput of the benchmark jobs on the embedded engine, one
 * JSON object per job and parallelism on stdout.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measure end-to-end throughput of the benchmark jobs on the embedded engine.")
public final class BenchCommand implements Callable<Integer> {
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

    @Option(names = "--mode", split = ",", description = "delivery modes to run, each after the other in this JVM: "
            + "none, acking (default: ${DEFAULT-VALUE})", defaultValue = "none")
    List<String> modes;

    @Option(names = "--rate", description = "records per second the source is held to, for latency at a given load; "
            + "0 for as fast as it goes (default: ${DEFAULT-VALUE})", defaultValue = "0")
    double rate;

    @Option(names = "--worker-threads", description = "worker threads per job (default: the parallelism); as many "
            + "as the job has tasks approximates a thread per task")
    Integer workerThreads;

    @Override
    public Integer call() throws Exception {
        List<BenchJob> jobs = job.equals("all") ? List.of(BenchJob.values()) : List.of(BenchJob.fromLabel(job));
        List<BenchMode> benchModes = modes.stream().map(BenchMode::fromLabel).toList();
        for (BenchJob benchJob : jobs) {
            for (int parallelism : parallelisms) {
                for (BenchMode mode : benchModes) {
                    BenchRunner.Measurement m = BenchRunner.measure(benchJob, mode, parallelism,
                            workerThreads == null ? parallelism : workerThreads, records, rate, warmups, repeats);
                    System.out.println(json(m, repeats));
                }
            }
        }
        return 0;
    }

    private String json(BenchRunner.Measurement m, int runs) {
        String line = String.format(Locale.ROOT,
                "{\"engine\":\"shepherd\",\"job\":\"%s\",\"mode\":\"%s\",\"parallelism\":%d,\"worker_threads\":%d,"
                        + "\"records\":%d,\"rate\":%.0f,\"records_per_second\":%.0f,\"min\":%.0f,\"max\":%.0f,\"runs\":%d",
                m.job(), m.mode(), m.parallelism(), m.workerThreads(), m.records(), rate, m.median(), m.min(), m.max(),
                runs);
        if (m.acking().latencyCount() > 0) {
            line += String.format(Locale.ROOT,
                    ",\"replayed\":%d,\"timed_out\":%d,\"latency_us_p50\":%d,\"latency_us_p99\":%d,"
                            + "\"latency_us_p999\":%d,\"latency_us_max\":%d",
                    m.acking().replayed(), m.acking().timedOut(), m.acking().latencyP50Us(),
                    m.acking().latencyP99Us(), m.acking().latencyP999Us(), m.acking().latencyMaxUs());
        }
        return line + "}";
    }
}
