package io.shepherd.bench.compare;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One job's runs on Shepherd and on the peer, pair by pair (the i-th run of each was made back to back),
 * and what they add up to: the median of each engine, the ratio Shepherd / peer of each pair and its range.
 * A run that failed or whose output was wrong counts as missing.
 */
record JobSummary(PeerJob job, Metric metric, List<RunResult> shepherd, List<RunResult> peer) {

    double shepherdMedian() {
        return median(shepherd.stream().filter(RunResult::verified).mapToDouble(metric.value()).toArray());
    }

    double peerMedian() {
        return median(peer.stream().filter(RunResult::verified).mapToDouble(metric.value()).toArray());
    }

    /** Shepherd / peer of each pair whose runs both succeeded. */
    List<Double> pairRatios() {
        List<Double> ratios = new ArrayList<>();
        for (int i = 0; i < Math.min(shepherd.size(), peer.size()); i++) {
            RunResult a = shepherd.get(i);
            RunResult b = peer.get(i);
            double ratio = metric.value().applyAsDouble(a) / metric.value().applyAsDouble(b);
            if (a.verified() && b.verified() && Double.isFinite(ratio)) {
                ratios.add(ratio);
            }
        }
        return ratios;
    }

    /** The median of the pairs' ratios; NaN without a complete pair. */
    double ratio() {
        return median(pairRatios().stream().mapToDouble(Double::doubleValue).toArray());
    }

    double minRatio() {
        return pairRatios().stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
    }

    double maxRatio() {
        return pairRatios().stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
    }

    /** Why a run does not count: its engine, its number and what was wrong. */
    List<String> problems() {
        List<String> problems = new ArrayList<>();
        for (List<RunResult> runs : List.of(shepherd, peer)) {
            for (int i = 0; i < runs.size(); i++) {
                RunResult run = runs.get(i);
                if (!run.verified()) {
                    problems.add(job.label() + " on " + run.engine().label() + ", run " + (i + 1) + ": " + run.detail());
                }
            }
        }
        return problems;
    }

    /** "met", "SHORT" or "-" (no target, or no complete pair). */
    String verdict() {
        double ratio = ratio();
        if (!metric.hasTarget() || Double.isNaN(ratio)) {
            return "-";
        }
        return metric.met(ratio) ? "met" : "SHORT";
    }

    static double median(double[] values) {
        double[] finite = Arrays.stream(values).filter(Double::isFinite).sorted().toArray();
        if (finite.length == 0) {
            return Double.NaN;
        }
        int middle = finite.length / 2;
        return finite.length % 2 == 1 ? finite[middle] : (finite[middle - 1] + finite[middle]) / 2;
    }
}
