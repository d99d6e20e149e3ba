package io.shepherd.bench.compare;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The side-by-side comparison: every job on Shepherd and on the peer, alternately (Shepherd, peer, Shepherd,
 * peer, ...), each run in a fresh JVM with the same heap and parallelism ({@link PeerRun}); then per job
 * the median of each engine and the ratio Shepherd / peer with its range over the pairs, as a table on
 * stdout, {@code results.json}, {@code summary.md} and PNG charts in the results directory. The latency job
 * runs each engine at half of its own peak, taken from the keyed count's median in the same comparison.
 * Progress goes to stderr. Exits 0 when every run's output was right, 1 otherwise, 2 for bad options.
 */
public final class Comparison {
    private static final long RUN_TIMEOUT_MINUTES = 15;

    private final ComparisonOptions options;
    private final PrintStream progress;
    private final Map<Engine, Double> peaks = new EnumMap<>(Engine.class);

    private Comparison(ComparisonOptions options, PrintStream progress) {
        this.options = options;
        this.progress = progress;
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("java.awt.headless", "true");
        ComparisonOptions options;
        try {
            options = ComparisonOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("bench --compare: " + e.getMessage());
            System.exit(2);
            return;
        }
        System.exit(new Comparison(options, System.err).run(System.out) ? 0 : 1);
    }

    /** Runs everything; returns whether every run produced exactly the right output. */
    private boolean run(PrintStream out) throws IOException, InterruptedException {
        Files.createDirectories(options.results().resolve("logs"));
        List<JobSummary> summaries = new ArrayList<>();
        for (PeerJob job : options.jobs()) {
            summaries.add(compare(job));
        }
        String peer = options.peer() == null ? "none" : options.peer().label();
        String table = SummaryTable.text(summaries, peer, options);
        out.print(table);
        out.flush();
        Files.writeString(options.results().resolve("summary.md"), SummaryTable.markdown(summaries, peer, options));
        writeJson(summaries, peer);
        if (options.peer() != null) {
            for (Path chart : Charts.write(summaries, peer, options.results())) {
                progress.println("chart: " + chart);
            }
        }
        progress.println("results: " + options.results().resolve("results.json"));
        return summaries.stream().allMatch(summary -> summary.problems().isEmpty());
    }

    private JobSummary compare(PeerJob job) throws IOException, InterruptedException {
        Map<Engine, List<RunResult>> runs = new EnumMap<>(Engine.class);
        for (Engine engine : options.engines()) {
            runs.put(engine, new ArrayList<>());
        }
        for (int pair = 1; pair <= options.pairs(); pair++) {
            for (Engine engine : options.engines()) {
                runs.get(engine).add(runOnce(engine, job, pair));
            }
        }
        if (job == PeerJob.KEYED_COUNT) {
            for (Engine engine : options.engines()) {
                peaks.put(engine, JobSummary.median(runs.get(engine).stream().filter(RunResult::verified)
                        .mapToDouble(RunResult::recordsPerSecond).toArray()));
            }
        }
        List<RunResult> peerRuns = options.peer() == null ? List.of() : runs.get(options.peer());
        return new JobSummary(job, Metric.of(job, options.peer()), runs.get(Engine.SHEPHERD), peerRuns);
    }

    private RunResult runOnce(Engine engine, PeerJob job, int pair) throws IOException, InterruptedException {
        double rate = job == PeerJob.LATENCY ? peak(engine) / 2 : 0;
        long records = job == PeerJob.LATENCY ? Math.round(rate * options.latencySeconds()) : options.records(job);
        Path log = options.results().resolve("logs").resolve(job.label() + "-" + engine.label() + "-" + pair + ".log");
        List<String> command = new ArrayList<>(List.of(javaExecutable(), "-Xms" + options.heap(), "-Xmx" + options.heap(),
                "-cp", System.getProperty("java.class.path"), PeerRun.class.getName(), engine.label(), job.label(),
                Long.toString(records), Integer.toString(options.parallelism())));
        if (rate > 0) {
            command.add(Double.toString(rate));
        }
        progress.printf(Locale.ROOT, "%s on %s, pair %d of %d ...%n", job.label(), engine.label(), pair, options.pairs());
        Path output = options.results().resolve("logs").resolve(job.label() + "-" + engine.label() + "-" + pair + ".json");
        Process process = new ProcessBuilder(command).redirectOutput(output.toFile()).redirectError(log.toFile()).start();
        if (!process.waitFor(RUN_TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
            process.destroyForcibly().waitFor();
            return failed(engine, job, records, rate, "no result within " + RUN_TIMEOUT_MINUTES + " minutes; see " + log);
        }
        String[] lines = Files.readString(output, StandardCharsets.UTF_8).strip().split("\n");
        String last = lines[lines.length - 1];
        if (process.exitValue() != 0 || !last.startsWith("{")) {
            return failed(engine, job, records, rate, "the run failed with exit code " + process.exitValue() + "; see " + log);
        }
        RunResult result = RunResult.fromJson(last);
        progress.println("  " + result.json());
        return result;
    }

    /** The engine's keyed-count median from this comparison, or from a run made for it now. */
    private double peak(Engine engine) throws IOException, InterruptedException {
        Double peak = peaks.get(engine);
        if (peak == null || Double.isNaN(peak)) {
            RunResult run = runOnce(engine, PeerJob.KEYED_COUNT, 0);
            peak = run.verified() ? run.recordsPerSecond() : Double.NaN;
            if (Double.isNaN(peak)) {
                throw new IllegalStateException("cannot find the peak of " + engine.label() + " for the latency job: "
                        + run.detail());
            }
            peaks.put(engine, peak);
        }
        return peak;
    }

    private RunResult failed(Engine engine, PeerJob job, long records, double rate, String why) {
        progress.println("  " + why);
        return new RunResult(engine, job, records, options.parallelism(), rate, Double.NaN, Double.NaN, Double.NaN,
                Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, false, why);
    }

    private void writeJson(List<JobSummary> summaries, String peer) throws IOException {
        ObjectMapper json = new ObjectMapper();
        ObjectNode root = json.createObjectNode();
        root.put("peer", peer).put("quick", options.quick()).put("pairs", options.pairs())
                .put("parallelism", options.parallelism()).put("heap", options.heap())
                .put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"))
                .put("cores", Runtime.getRuntime().availableProcessors());
        ArrayNode jobs = root.putArray("jobs");
        for (JobSummary summary : summaries) {
            ObjectNode node = jobs.addObject().put("job", summary.job().label()).put("metric", summary.metric().name());
            putNumber(node, "shepherd_median", summary.shepherdMedian());
            putNumber(node, "peer_median", summary.peerMedian());
            putNumber(node, "ratio", summary.ratio());
            putNumber(node, "ratio_min", summary.minRatio());
            putNumber(node, "ratio_max", summary.maxRatio());
            node.put("target", summary.metric().targetText()).put("verdict", summary.verdict());
            ArrayNode runs = node.putArray("runs");
            for (List<RunResult> engineRuns : List.of(summary.shepherd(), summary.peer())) {
                for (RunResult run : engineRuns) {
                    runs.add(json.readTree(run.json()));
                }
            }
            summary.problems().forEach(node.putArray("problems")::add);
        }
        json.writerWithDefaultPrettyPrinter().writeValue(options.results().resolve("results.json").toFile(), root);
    }

    private static void putNumber(ObjectNode node, String field, double value) {
        if (Double.isNaN(value)) {
            node.putNull(field);
        } else {
            node.put(field, value);
        }
    }

    private static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
