package io.shepherd.bench.compare;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.Stream;
import org.HdrHistogram.Histogram;

/**
 * One run of one job on one engine, in a JVM of its own; prints one JSON line ({@link RunResult}) on stdout.
 *
 * <pre>
 * java -cp ... io.shepherd.bench.compare.PeerRun ENGINE JOB RECORDS PARALLELISM [RATE]
 * </pre>
 */
public final class PeerRun {
    private PeerRun() {}

    public static void main(String[] args) throws Exception {
        // Storm's jar brings a logging configuration that prints every engine's INFO lines on stdout.
        System.setProperty("log4j2.configurationFile", "compare-log4j2.xml");
        if (args.length < 4) {
            System.err.println("usage: PeerRun ENGINE JOB RECORDS PARALLELISM [RATE]");
            System.exit(2);
        }
        Engine engine = Engine.fromLabel(args[0]);
        PeerJob job = PeerJob.fromLabel(args[1]);
        Path checkpoints = Files.createTempDirectory("shepherd-compare-checkpoints");
        try {
            RunSpec spec = new RunSpec(job, Long.parseLong(args[2]), Integer.parseInt(args[3]),
                    args.length > 4 ? Double.parseDouble(args[4]) : 0, checkpoints);
            System.out.println(run(engine, spec).json());
            System.out.flush();
        } finally {
            deleteRecursively(checkpoints);
        }
        System.exit(0); // the peer may leave non-daemon threads behind
    }

    static RunResult run(Engine engine, RunSpec spec) throws Exception {
        Probe.start(spec.sinkRecords(), spec.parallelism());
        long start = System.nanoTime();
        engine.run(spec);
        double wallMillis = (System.nanoTime() - start) / 1e6;
        String problem = verify(spec);
        Histogram latency = Probe.latency();
        boolean measuresLatency = spec.job().kind() == PeerJob.Kind.LATENCY && latency.getTotalCount() > 0;
        return new RunResult(engine, spec.job(), spec.records(), spec.parallelism(), spec.rate(),
                spec.job().kind() == PeerJob.Kind.THROUGHPUT ? Probe.steadyRecordsPerSecond(spec.records()) : Double.NaN,
                spec.job() == PeerJob.WINDOW ? Double.NaN : Probe.startupMillis(), wallMillis,
                measuresLatency ? latency.getValueAtPercentile(50) / 1e6 : Double.NaN,
                measuresLatency ? latency.getValueAtPercentile(99) / 1e6 : Double.NaN,
                measuresLatency ? latency.getValueAtPercentile(99.9) / 1e6 : Double.NaN,
                Probe.recoveryMillis(), Probe.catchUpMillis(), problem.isEmpty(), problem);
    }

    /** What is wrong with the output; empty when it is exactly right. */
    private static String verify(RunSpec spec) {
        long records = spec.records();
        return switch (spec.job()) {
            case STATELESS -> {
                long kept = (records + 1) / 2; // the even values 0, 2, ..., each tripled
                long expected = 3 * kept * (kept - 1);
                yield Probe.checksum() == expected ? "" : "sum of the output " + Probe.checksum() + ", expected " + expected;
            }
            case KEYED_COUNT, KEYED_COUNT_ACKED, KEYED_COUNT_EXACTLY_ONCE, KEYED_COUNT_AT_LEAST_ONCE,
                    KEYED_COUNT_UNALIGNED, RECOVERY -> {
                long expected = records / PeerJob.KEYS;
                long[] counts = Probe.finalCounts();
                // Acking promises at-least-once: a replayed record may count twice, none may be missing.
                boolean atLeastOnce = spec.job() == PeerJob.KEYED_COUNT_ACKED;
                long wrong = Arrays.stream(counts)
                        .filter(count -> atLeastOnce ? count < expected : count != expected).count();
                String failure = spec.job() == PeerJob.RECOVERY && !Probe.hasFailed() ? "the failure was never injected; "
                        : "";
                yield wrong == 0 && failure.isEmpty() ? ""
                        : failure + wrong + " of " + counts.length + " keys end with a wrong count (expected "
                                + (atLeastOnce ? "at least " : "") + expected + " each)";
            }
            case WINDOW -> Probe.checksum() == records ? ""
                    : "the windows counted " + Probe.checksum() + " records, expected " + records;
            case LATENCY -> Probe.sinkRecords() == records ? ""
                    : "the sink received " + Probe.sinkRecords() + " records, expected " + records;
        };
    }

    private static void deleteRecursively(Path directory) {
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (java.io.IOException ignored) {
            // a temporary directory; the system cleans it up eventually
        }
    }
}
