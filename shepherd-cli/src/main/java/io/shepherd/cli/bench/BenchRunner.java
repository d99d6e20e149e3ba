package io.shepherd.cli.bench;

import com.sun.management.OperatingSystemMXBean;
import io.shepherd.api.StreamEnvironment;
import io.shepherd.api.ack.AckMetrics;
import io.shepherd.api.execution.CheckpointStats;
import io.shepherd.api.execution.JobClient;
import io.shepherd.api.execution.JobResult;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * Runs one bench job repeatedly in this JVM after warm-up runs, and reports the median. With
 * several variants, each round runs every variant once, in alternating order (A B, B A, ...), so
 * that drifting load and JIT state do not favour one of them.
 */
final class BenchRunner {
    private static final OperatingSystemMXBean PROCESS =
            (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private BenchRunner() {}

    /**
     * One measured run.
     *
     * @param recordsPerSecond records over the time from submitting the job to its last record reaching a sink
     * @param cpuNanosPerRecord the process's CPU time over the run per record: less sensitive than
     *     the rate to other work on the machine, which takes wall time from the job but not CPU time
     * @param endWaitNanos from the last record to the end of the job: with checkpoints, the wait for a
     *     checkpoint that covers the end of the input
     * @param acking ack mode's counters and complete latency; {@link AckMetrics#NONE} in other variants
     */
    record Run(double recordsPerSecond, double cpuNanosPerRecord, long endWaitNanos, List<CheckpointStats> checkpoints,
            AckMetrics acking) {}

    /**
     * The measured runs of one variant, and its rate and CPU time per record against the first
     * variant's in the same rounds.
     */
    record Measurement(String job, int parallelism, int workerThreads, long records, BenchVariant variant,
            List<Run> runs, List<Double> ratiosToFirst, List<Double> cpuRatiosToFirst) {

        double median() {
            return BenchRunner.median(rates());
        }

        double min() {
            return Collections.min(rates());
        }

        double max() {
            return Collections.max(rates());
        }

        /** Replays, timeouts and the complete latency, in microseconds, of the median run by rate. */
        private String ackFigures() {
            List<Run> byRate = new ArrayList<>(runs);
            byRate.sort((a, b) -> Double.compare(a.recordsPerSecond(), b.recordsPerSecond()));
            AckMetrics acking = byRate.get(byRate.size() / 2).acking();
            return String.format(Locale.ROOT, "\"replayed\":%d,\"timed_out\":%d,\"latency_us_p50\":%d,"
                            + "\"latency_us_p99\":%d,\"latency_us_p999\":%d,\"latency_us_max\":%d",
                    acking.replayed(), acking.timedOut(), acking.latencyP50Us(), acking.latencyP99Us(),
                    acking.latencyP999Us(), acking.latencyMaxUs());
        }

        private List<Double> rates() {
            return runs.stream().map(Run::recordsPerSecond).toList();
        }

        /** One JSON object: the rate, the variant, its ratio to the first variant and its checkpoints. */
        String json() {
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT,
                    "{\"engine\":\"shepherd\",\"job\":\"%s\",\"parallelism\":%d,\"worker_threads\":%d,\"records\":%d,"
                            + "\"records_per_second\":%.0f,\"min\":%.0f,\"max\":%.0f,\"runs\":%d,"
                            + "\"cpu_ns_per_record\":%.1f,%s",
                    job, parallelism, workerThreads, records, median(), min(), max(), runs.size(),
                    BenchRunner.median(runs.stream().map(Run::cpuNanosPerRecord).toList()), variant.json()));
            if (!ratiosToFirst.isEmpty()) {
                line.append(String.format(Locale.ROOT, ",\"ratio_to_first\":%.3f,\"ratio_min\":%.3f,\"ratio_max\":%.3f,"
                                + "\"cpu_ratio_to_first\":%.3f,\"cpu_ratio_min\":%.3f,\"cpu_ratio_max\":%.3f",
                        BenchRunner.median(ratiosToFirst), Collections.min(ratiosToFirst),
                        Collections.max(ratiosToFirst), BenchRunner.median(cpuRatiosToFirst),
                        Collections.min(cpuRatiosToFirst), Collections.max(cpuRatiosToFirst)));
            }
            if (variant.checkpoints()) {
                line.append(',').append(CheckpointFigures.of(runs).json());
            }
            if (variant.acking()) {
                line.append(',').append(ackFigures());
            }
            return line.append('}').toString();
        }
    }

    /**
     * @param rate records per second the source is held to; 0 for as fast as it goes
     * @param variants measured interleaved; ratios are given against the first
     */
    static List<Measurement> measure(BenchJob job, int parallelism, int workerThreads, long records, double rate,
            List<BenchVariant> variants, int warmups, int repeats) throws Exception {
        for (int round = 0; round < warmups; round++) {
            for (int v : inRoundOrder(variants.size(), round)) {
                runOnce(job, variants.get(v), parallelism, workerThreads, records, rate);
            }
        }
        List<List<Run>> runs = new ArrayList<>();
        variants.forEach(variant -> runs.add(new ArrayList<>()));
        for (int round = 0; round < repeats; round++) {
            for (int v : inRoundOrder(variants.size(), round)) {
                runs.get(v).add(runOnce(job, variants.get(v), parallelism, workerThreads, records, rate));
            }
        }
        List<Measurement> measurements = new ArrayList<>();
        for (int v = 0; v < variants.size(); v++) {
            List<Double> ratios = new ArrayList<>();
            List<Double> cpuRatios = new ArrayList<>();
            for (int round = 0; v > 0 && round < repeats; round++) {
                Run run = runs.get(v).get(round);
                Run first = runs.get(0).get(round);
                ratios.add(run.recordsPerSecond() / first.recordsPerSecond());
                cpuRatios.add(run.cpuNanosPerRecord() / first.cpuNanosPerRecord());
            }
            measurements.add(new Measurement(job.label(), parallelism, workerThreads, records, variants.get(v),
                    runs.get(v), ratios, cpuRatios));
        }
        return measurements;
    }

    /** Indices of the variants in the order of this round: forward in even rounds, backward in odd ones. */
    private static List<Integer> inRoundOrder(int variants, int round) {
        List<Integer> order = new ArrayList<>();
        for (int v = 0; v < variants; v++) {
            order.add(v);
        }
        if (round % 2 == 1) {
            Collections.reverse(order);
        }
        return order;
    }

    static Run runOnce(BenchJob job, BenchVariant variant, int parallelism, int workerThreads, long records,
            double rate) throws Exception {
        StreamEnvironment env = StreamEnvironment.create().setParallelism(parallelism);
        env.config().setWorkerThreads(workerThreads);
        variant.configure(env.config());
        job.build(env, records, rate);
        InputEndSink.reset();
        long startCpuNanos = PROCESS.getProcessCpuTime();
        long startNanos = System.nanoTime();
        JobClient client = env.executeAsync("bench-" + job.label());
        JobResult result = client.await();
        long endNanos = System.nanoTime();
        long cpuNanos = PROCESS.getProcessCpuTime() - startCpuNanos;
        long processed = result.metrics().sourceRecords();
        if (processed != records) {
            throw new IllegalStateException("bench job " + job.label() + " read " + processed + " of " + records);
        }
        long lastRecordNanos = InputEndSink.lastRecordNanos();
        return new Run(records / ((lastRecordNanos - startNanos) / 1e9), (double) cpuNanos / records,
                endNanos - lastRecordNanos, client.checkpoints(), result.metrics().acking());
    }

    static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
