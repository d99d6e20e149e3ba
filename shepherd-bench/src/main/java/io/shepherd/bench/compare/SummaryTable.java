package io.shepherd.bench.compare;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The comparison's table: per job the medians, the ratio Shepherd / peer with its range, the target. */
final class SummaryTable {
    private SummaryTable() {}

    static String text(List<JobSummary> summaries, String peer, ComparisonOptions options) {
        List<String[]> rows = rows(summaries, peer);
        int[] widths = new int[rows.get(0).length];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        StringBuilder out = new StringBuilder();
        out.append(header(peer, options)).append(System.lineSeparator());
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.length; i++) {
                line.append(String.format(Locale.ROOT, "%-" + (widths[i] + 2) + "s", row[i]));
            }
            out.append(line.toString().stripTrailing()).append(System.lineSeparator());
        }
        problems(summaries).forEach(problem -> out.append("WRONG OUTPUT: ").append(problem).append(System.lineSeparator()));
        return out.toString();
    }

    static String markdown(List<JobSummary> summaries, String peer, ComparisonOptions options) {
        List<String[]> rows = rows(summaries, peer);
        StringBuilder out = new StringBuilder();
        out.append(header(peer, options)).append("\n\n");
        for (int r = 0; r < rows.size(); r++) {
            out.append("| ").append(String.join(" | ", rows.get(r))).append(" |\n");
            if (r == 0) {
                out.append("|").append("---|".repeat(rows.get(r).length)).append("\n");
            }
        }
        problems(summaries).forEach(problem -> out.append("\nWRONG OUTPUT: ").append(problem).append("\n"));
        return out.toString();
    }

    private static String header(String peer, ComparisonOptions options) {
        return String.format(Locale.ROOT, "Shepherd vs %s: %d pair(s) of runs per job, each in a fresh JVM "
                        + "(-Xmx%s), parallelism %d, %s run, %d cores, %s %s", peer, options.pairs(), options.heap(),
                options.parallelism(), options.quick() ? "quick" : "full", Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.vm.name"), System.getProperty("java.runtime.version"));
    }

    private static List<String[]> rows(List<JobSummary> summaries, String peer) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"job", "measure", "shepherd", peer, "ratio (min-max)", "target", "", "startup ms",
            "startup ms " + peer});
        for (JobSummary summary : summaries) {
            Metric metric = summary.metric();
            rows.add(new String[] {
                summary.job().label(),
                metric.name(),
                Format.value(metric, summary.shepherdMedian()),
                Format.value(metric, summary.peerMedian()),
                Format.ratio(summary.ratio()) + (Double.isNaN(summary.ratio()) ? ""
                        : " (" + Format.ratio(summary.minRatio()) + "-" + Format.ratio(summary.maxRatio()) + ")"),
                metric.targetText(),
                summary.verdict(),
                startup(summary.shepherd()),
                startup(summary.peer())
            });
        }
        return rows;
    }

    private static String startup(List<RunResult> runs) {
        double median = JobSummary.median(runs.stream().mapToDouble(RunResult::startupMillis).toArray());
        return Double.isNaN(median) ? "-" : String.format(Locale.ROOT, "%.0f", median);
    }

    private static List<String> problems(List<JobSummary> summaries) {
        return summaries.stream().flatMap(summary -> summary.problems().stream()).toList();
    }
}
