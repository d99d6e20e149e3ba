package io.shepherd.bench.compare;

import java.util.function.ToDoubleFunction;

/**
 * What the comparison reports for a job, and the target for the ratio Shepherd / peer measured in the same
 * run (DESIGN.md's targets: against Flink for every job but acking, against Storm for acking).
 *
 * @param name what is measured, with its unit
 * @param value where a run has it
 * @param higherIsBetter throughput: yes; times: no
 * @param target the ratio Shepherd / peer to reach: at least it when higher is better, at most it otherwise;
 *     NaN when there is none
 */
record Metric(String name, ToDoubleFunction<RunResult> value, boolean higherIsBetter, double target) {

    /** The measure of {@code job} against {@code peer} (null: Shepherd alone, no target). */
    static Metric of(PeerJob job, Engine peer) {
        Metric metric = of(job);
        if (peer == Engine.STORM && job == PeerJob.KEYED_COUNT) {
            return throughput(Double.NaN); // the targets against Storm are for acking
        }
        return peer == null ? new Metric(metric.name, metric.value, metric.higherIsBetter, Double.NaN) : metric;
    }

    static Metric of(PeerJob job) {
        return switch (job) {
            case STATELESS -> throughput(1.5);
            case KEYED_COUNT, KEYED_COUNT_EXACTLY_ONCE, KEYED_COUNT_AT_LEAST_ONCE, KEYED_COUNT_UNALIGNED -> throughput(3);
            case KEYED_COUNT_ACKED -> throughput(10);
            case WINDOW -> throughput(Double.NaN);
            case RECOVERY -> new Metric("recovery ms", RunResult::recoveryMillis, false, 1.0 / 3);
            case LATENCY -> new Metric("p99 latency ms", RunResult::latencyP99Millis, false, 1);
        };
    }

    private static Metric throughput(double target) {
        return new Metric("records/s", RunResult::recordsPerSecond, true, target);
    }

    boolean hasTarget() {
        return !Double.isNaN(target);
    }

    /** Whether a ratio Shepherd / peer meets the target. */
    boolean met(double ratio) {
        return higherIsBetter ? ratio >= target : ratio <= target;
    }

    String targetText() {
        if (!hasTarget()) {
            return "-";
        }
        return (higherIsBetter ? ">= " : "<= ") + (target == 1.0 / 3 ? "1/3" : Format.ratio(target));
    }
}
