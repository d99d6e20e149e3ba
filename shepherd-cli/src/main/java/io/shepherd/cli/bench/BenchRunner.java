package io.shepherd.cli.bench;

import io.shepherd.api.StreamEnvironment;
import io.shepherd.api.ack.AckMetrics;
import io.shepherd.api.execution.JobResult;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Runs one bench job repeatedly in this JVM after warm-up runs, and reports the median. */
public final class BenchRunner {
    private BenchRunner() {}

    /** One run: its throughput, and ack mode's figures (all zero in other modes). */
    record Run(double recordsPerSecond, AckMetrics acking) {}

    /**
     * One measured configuration.
     *
     * @param acking ack mode's figures of the median run; {@link AckMetrics#NONE} in other modes
     */
    public record Measurement(String job, String mode, int parallelism, int workerThreads, long records,
            List<Double> recordsPerSecond, AckMetrics acking) {
        public double median() {
            List<Double> sorted = new ArrayList<>(recordsPerSecond);
            Collections.sort(sorted);
            int n = sorted.size();
            return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
        }

        public double min() {
            return Collections.min(recordsPerSecond);
        }

        public double max() {
            return Collections.max(recordsPerSecond);
        }
    }

    /** @param rate records per second the source is held to; 0 for as fast as it goes */
    public static Measurement measure(BenchJob job, BenchMode mode, int parallelism, int workerThreads, long records,
            double rate, int warmups, int repeats) throws Exception {
        for (int i = 0; i < warmups; i++) {
            runOnce(job, mode, parallelism, workerThreads, records, rate);
        }
        List<Run> runs = new ArrayList<>();
        for (int i = 0; i < repeats; i++) {
            runs.add(runOnce(job, mode, parallelism, workerThreads, records, rate));
        }
        List<Double> rates = runs.stream().map(Run::recordsPerSecond).toList();
        List<Run> byRate = new ArrayList<>(runs);
        byRate.sort((a, b) -> Double.compare(a.recordsPerSecond(), b.recordsPerSecond()));
        return new Measurement(job.label(), mode.label(), parallelism, workerThreads, records, rates,
                byRate.get(byRate.size() / 2).acking());
    }

    static Run runOnce(BenchJob job, BenchMode mode, int parallelism, int workerThreads, long records, double rate)
            throws Exception {
        StreamEnvironment env = StreamEnvironment.create().setParallelism(parallelism);
        env.config().setWorkerThreads(workerThreads);
        mode.configure(env);
        job.build(env, records, rate);
        JobResult result = env.execute("bench-" + job.label());
        long processed = result.metrics().sourceRecords();
        if (processed != records) {
            throw new IllegalStateException("bench job " + job.label() + " read " + processed + " of " + records);
        }
        return new Run(records / (result.duration().toNanos() / 1e9), result.metrics().acking());
    }
}
