package io.shepherd.cli.bench;

import io.shepherd.api.StreamEnvironment;
import io.shepherd.api.execution.JobResult;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Runs one bench job repeatedly in this JVM after warm-up runs, and reports the median. */
public final class BenchRunner {
    private BenchRunner() {}

    /** One measured configuration. */
    public record Measurement(
            String job, int parallelism, int workerThreads, long records, List<Double> recordsPerSecond) {
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

    public static Measurement measure(
            BenchJob job, int parallelism, int workerThreads, long records, int warmups, int repeats) throws Exception {
        for (int i = 0; i < warmups; i++) {
            runOnce(job, parallelism, workerThreads, records);
        }
        List<Double> rates = new ArrayList<>();
        for (int i = 0; i < repeats; i++) {
            rates.add(runOnce(job, parallelism, workerThreads, records));
        }
        return new Measurement(job.label(), parallelism, workerThreads, records, rates);
    }

    static double runOnce(BenchJob job, int parallelism, int workerThreads, long records) throws Exception {
        StreamEnvironment env = StreamEnvironment.create().setParallelism(parallelism);
        env.config().setWorkerThreads(workerThreads);
        job.build(env, records);
        JobResult result = env.execute("bench-" + job.label());
        long processed = result.metrics().sourceRecords();
        if (processed != records) {
            throw new IllegalStateException("bench job " + job.label() + " read " + processed + " of " + records);
        }
        return records / (result.duration().toNanos() / 1e9);
    }
}
