package io.shepherd.bench.compare;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;

/** Bar charts of a comparison: throughput per job, recovery times, latency percentiles, both engines side by side. */
final class Charts {
    private Charts() {}

    /** Writes throughput.png, recovery.png and latency.png into {@code directory}, for the jobs that ran. */
    static List<Path> write(List<JobSummary> summaries, String peer, Path directory) throws IOException {
        List<Path> written = new ArrayList<>();
        List<JobSummary> throughput = summaries.stream().filter(s -> s.job().kind() == PeerJob.Kind.THROUGHPUT).toList();
        if (!throughput.isEmpty()) {
            CategoryChart chart = chart("Throughput, median (higher is better)", "million records/s");
            List<String> jobs = throughput.stream().map(s -> s.job().label()).toList();
            chart.addSeries("shepherd", jobs, throughput.stream().map(s -> millions(s.shepherdMedian())).toList());
            chart.addSeries(peer, jobs, throughput.stream().map(s -> millions(s.peerMedian())).toList());
            written.add(save(chart, directory.resolve("throughput.png")));
        }
        for (JobSummary summary : summaries) {
            if (summary.job() == PeerJob.RECOVERY) {
                CategoryChart chart = chart("Recovery of the keyed count, median (lower is better)", "ms");
                List<String> phases = List.of("failure to first record", "failure to caught up");
                chart.addSeries("shepherd", phases, List.of(
                        median(summary.shepherd(), true), median(summary.shepherd(), false)));
                chart.addSeries(peer, phases, List.of(median(summary.peer(), true), median(summary.peer(), false)));
                written.add(save(chart, directory.resolve("recovery.png")));
            }
            if (summary.job() == PeerJob.LATENCY) {
                CategoryChart chart = chart("Latency at half of each engine's peak, median of runs (lower is better)",
                        "ms");
                List<String> percentiles = List.of("p50", "p99", "p99.9");
                chart.addSeries("shepherd", percentiles, latencies(summary.shepherd()));
                chart.addSeries(peer, percentiles, latencies(summary.peer()));
                written.add(save(chart, directory.resolve("latency.png")));
            }
        }
        return written;
    }

    private static CategoryChart chart(String title, String yTitle) {
        CategoryChart chart = new CategoryChartBuilder().width(900).height(480).title(title).yAxisTitle(yTitle).build();
        chart.getStyler().setXAxisLabelRotation(20);
        chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.InsideNE);
        return chart;
    }

    private static double millions(double value) {
        return Double.isNaN(value) ? 0 : value / 1e6;
    }

    private static double median(List<RunResult> runs, boolean firstRecord) {
        double median = JobSummary.median(runs.stream().filter(RunResult::verified)
                .mapToDouble(run -> firstRecord ? run.recoveryMillis() : run.catchUpMillis()).toArray());
        return Double.isNaN(median) ? 0 : median;
    }

    private static List<Double> latencies(List<RunResult> runs) {
        List<RunResult> verified = runs.stream().filter(RunResult::verified).toList();
        return List.of(orZero(JobSummary.median(verified.stream().mapToDouble(RunResult::latencyP50Millis).toArray())),
                orZero(JobSummary.median(verified.stream().mapToDouble(RunResult::latencyP99Millis).toArray())),
                orZero(JobSummary.median(verified.stream().mapToDouble(RunResult::latencyP999Millis).toArray())));
    }

    private static double orZero(double value) {
        return Double.isNaN(value) ? 0 : value;
    }

    private static Path save(CategoryChart chart, Path file) throws IOException {
        BitmapEncoder.saveBitmap(chart, file.toString(), BitmapEncoder.BitmapFormat.PNG);
        return file;
    }
}
