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

    @Option(names = "--worker-threads", description = "worker threads per job (default: the parallelism); as many "
            + "as the job has tasks approximates a thread per task")
    Integer workerThreads;

    @Override
    public Integer call() throws Exception {
        List<BenchJob> jobs = job.equals("all") ? List.of(BenchJob.values()) : List.of(BenchJob.fromLabel(job));
        for (BenchJob benchJob : jobs) {
            for (int parallelism : parallelisms) {
                BenchRunner.Measurement m = BenchRunner.measure(
                        benchJob, parallelism, workerThreads == null ? parallelism : workerThreads, records,
                        warmups, repeats);
                System.out.println(String.format(Locale.ROOT,
                        "{\"engine\":\"shepherd\",\"job\":\"%s\",\"parallelism\":%d,\"worker_threads\":%d,\"records\":%d,"
                                + "\"records_per_second\":%.0f,\"min\":%.0f,\"max\":%.0f,\"runs\":%d}",
                        m.job(), parallelism, m.workerThreads(), m.records(), m.median(), m.min(), m.max(), repeats));
            }
        }
        return 0;
    }
}
