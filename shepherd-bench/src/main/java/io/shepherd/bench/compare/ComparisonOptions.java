package io.shepherd.bench.compare;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What a comparison runs: {@code --peer flink|storm|none} (none: Shepherd alone, for regression checks),
 * {@code --job NAME|all}, {@code --quick}, {@code --pairs N}, {@code --parallelism N}, {@code --heap SIZE},
 * {@code --results DIR}; for a smoke run of the harness itself, {@code --records N} (every job but latency)
 * and {@code --latency-seconds S}.
 */
record ComparisonOptions(Engine peer, List<PeerJob> jobs, boolean quick, int pairs, int parallelism, String heap,
        Path results, Long recordsGiven, Double latencySecondsGiven) {

    static ComparisonOptions parse(String[] args) {
        String peer = "flink";
        String job = "all";
        boolean quick = false;
        Integer pairs = null;
        int parallelism = 2;
        String heap = "2g";
        Path results = null;
        Long records = null;
        Double latencySeconds = null;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--quick" -> quick = true;
                case "--peer" -> peer = value(args, ++i, arg);
                case "--job" -> job = value(args, ++i, arg);
                case "--pairs" -> pairs = positive(value(args, ++i, arg), arg);
                case "--parallelism" -> parallelism = positive(value(args, ++i, arg), arg);
                case "--heap" -> heap = heap(value(args, ++i, arg));
                case "--results" -> results = Path.of(value(args, ++i, arg));
                case "--records" -> records = (long) positive(value(args, ++i, arg), arg);
                case "--latency-seconds" -> latencySeconds = (double) positive(value(args, ++i, arg), arg);
                default -> throw new IllegalArgumentException("unknown option '" + arg + "'");
            }
        }
        if (parallelism > Probe.MAX_PARALLELISM) {
            throw new IllegalArgumentException("--parallelism must be at most " + Probe.MAX_PARALLELISM);
        }
        Engine peerEngine = peer.equals("none") ? null : Engine.fromLabel(peer);
        if (peerEngine == Engine.SHEPHERD) {
            throw new IllegalArgumentException("--peer must be another engine (flink, storm), or none for Shepherd alone");
        }
        List<PeerJob> jobs = job.equals("all")
                ? Arrays.stream(PeerJob.values()).filter(j -> peerEngine == null || peerEngine.runs(j)).toList()
                : List.of(PeerJob.fromLabel(job));
        if (peerEngine != null && !peerEngine.runs(jobs.get(0))) {
            throw new IllegalArgumentException(peer + " has no version of the job " + job);
        }
        if (results == null) {
            results = Path.of("bench-results", "compare-" + DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
                    .withZone(ZoneOffset.UTC).format(Instant.now()));
        }
        return new ComparisonOptions(peerEngine, jobs, quick, pairs == null ? (quick ? 2 : 5) : pairs, parallelism,
                heap, results, records, latencySeconds);
    }

    /** The engines each pair runs, Shepherd first. */
    List<Engine> engines() {
        List<Engine> engines = new ArrayList<>(List.of(Engine.SHEPHERD));
        if (peer != null) {
            engines.add(peer);
        }
        return engines;
    }

    /** Records per run of {@code job} (not the latency job, which runs for {@link #latencySeconds}). */
    long records(PeerJob job) {
        return recordsGiven != null ? recordsGiven : job.records(quick);
    }

    /** How long the latency job runs, at its rate. */
    double latencySeconds() {
        return latencySecondsGiven != null ? latencySecondsGiven : quick ? 10 : 30;
    }

    private static String value(String[] args, int index, String option) {
        if (index >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[index];
    }

    private static int positive(String text, String option) {
        try {
            int value = Integer.parseInt(text);
            if (value >= 1) {
                return value;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new IllegalArgumentException(option + " must be a whole number >= 1, got '" + text + "'");
    }

    private static String heap(String text) {
        if (!text.matches("[1-9][0-9]*[mgMG]")) {
            throw new IllegalArgumentException("--heap must be a size like 2g or 1536m, got '" + text + "'");
        }
        return text;
    }
}
