package io.shepherd.bench.wal;

import io.shepherd.wal.SyncPolicy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The log against the disk's own limits, measured in alternating slices (reference, log, reference,
 * log...) so that both see the same disk at the same moment. On a machine whose disk is shared with
 * other work, a reference measured a minute earlier says little; the median of paired ratios says
 * what the log costs. Complements the JMH benchmarks ({@link WalBenchmark}, {@link RawDiskBenchmark}).
 *
 * <pre>
 * java -cp shepherd-bench/target/benchmarks.jar io.shepherd.bench.wal.PairedRun [pairs] [slice-ms] [all|sync|group|none]
 * </pre>
 *
 * {@code -Dshepherd.bench.writers=64x1} runs only that group-commit case (writers x appends in flight each);
 * {@code -Dshepherd.bench.preallocate=<bytes>} sets the log's preallocation chunk (0: off).
 */
public final class PairedRun {

    private static final int SMALL_PAYLOAD = RawDiskBenchmark.SMALL_WRITE_BYTES - 20;
    private static final int KIB = 1024;
    private static final double MIB = 1 << 20;

    private PairedRun() {}

    public static void main(String[] args) throws Exception {
        int pairs = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        long sliceNanos = TimeUnit.MILLISECONDS.toNanos(args.length > 1 ? Long.parseLong(args[1]) : 1000);
        String cases = args.length > 2 ? args[2] : "all";
        System.out.printf("pairs %d, slice %d ms, cases %s%n%n", pairs, TimeUnit.NANOSECONDS.toMillis(sliceNanos), cases);
        if (cases.equals("all") || cases.equals("sync")) {
            singleWriter(pairs, sliceNanos);
        }
        if (cases.equals("all") || cases.equals("group")) {
            closedLoopBound(pairs, sliceNanos);
            groupCommit(pairs, sliceNanos);
        }
        if (cases.equals("all") || cases.equals("none")) {
            unsynced(pairs, sliceNanos);
        }
    }

    /** Against the best of three ways to make 120 bytes durable, the preallocated file being the fastest. */
    private static void singleWriter(int pairs, long sliceNanos) throws Exception {
        int bytes = RawDiskBenchmark.SMALL_WRITE_BYTES;
        try (Workload rawData = new RawForcedWrites(bytes, false, false);
                Workload rawAll = new RawForcedWrites(bytes, true, false);
                Workload rawPreallocated = new RawForcedWrites(bytes, false, true);
                Workload wal = new WalAppends(SyncPolicy.SYNC, 1, 1, SMALL_PAYLOAD)) {
            report("single-writer SYNC, 100 B records vs raw 120 B write+force", pairs, sliceNanos, 1, 1, rawData,
                    rawAll, rawPreallocated, wal);
        }
    }

    /**
     * What bounds writers that each wait for their record: with 64 of them, at most 64 records (about 65 KiB)
     * can be in one force, so they cannot beat one-at-a-time 64 KiB write+force into a preallocated file; and
     * every record wakes a waiting thread, so they cannot beat {@link HandOffs} either. Both are reported in
     * MiB/s of 1 KiB records next to the sequential bandwidth, in the same alternating slices.
     */
    private static void closedLoopBound(int pairs, long sliceNanos) throws Exception {
        int bytes = 64 * KIB;
        try (Workload raw = new RawSequentialWrites();
                Workload forced = new RawForcedWrites(bytes, false, true)) {
            report("64 KiB write+force, preallocated (in MiB/s) vs raw sequential MiB/s", pairs, sliceNanos, 1,
                    bytes / MIB, raw, forced);
        }
        try (Workload raw = new RawSequentialWrites();
                Workload handOffs = new HandOffs(64)) {
            report("64 threads woken per 1 KiB request, no I/O (in MiB/s) vs raw sequential MiB/s", pairs, sliceNanos,
                    1, KIB / MIB, raw, handOffs);
        }
    }

    private static void groupCommit(int pairs, long sliceNanos) throws Exception {
        // {writers, appends in flight per writer}: 1 = each writer waits for its record (appendAndAwait).
        int[][] groupCases = {{1, 1}, {4, 1}, {16, 1}, {64, 1}, {64, 16}, {64, 64}};
        String only = System.getProperty("shepherd.bench.writers");
        for (int[] c : groupCases) {
            if (only != null && !only.equals(c[0] + "x" + c[1])) {
                continue;
            }
            try (Workload raw = new RawSequentialWrites();
                    Workload wal = new WalAppends(SyncPolicy.SYNC, c[0], c[1], KIB)) {
                report("group commit, 1 KiB records (log in MiB/s) vs raw sequential MiB/s", pairs, sliceNanos, 1,
                        KIB / MIB, raw, wal);
            }
        }
    }

    private static void unsynced(int pairs, long sliceNanos) throws Exception {
        try (Workload raw = new RawSequentialWrites();
                Workload wal = new WalAppends(SyncPolicy.NONE, 1, 4096, SMALL_PAYLOAD)) {
            report("NONE, 100 B records (log in MiB/s of payload) vs raw sequential MiB/s", pairs, sliceNanos, 1,
                    SMALL_PAYLOAD / MIB, raw, wal);
        }
    }

    /**
     * Alternates slices of each reference and the log; prints the medians and the median ratio of the
     * log to the best of the references in the same pair (the strictest comparison). {@code walScale} converts the log's records/s to the
     * references' unit.
     */
    private static void report(String title, int pairs, long sliceNanos, double refScale, double walScale,
            Workload... workloads) throws Exception {
        int refs = workloads.length - 1;
        Workload wal = workloads[refs];
        double[][] rates = new double[workloads.length][pairs];
        double[] ratios = new double[pairs];
        for (Workload w : workloads) {
            w.runSlice(sliceNanos / 2); // warm up
        }
        for (int p = 0; p < pairs; p++) {
            // Every other pair runs the log first, so that neither side always follows the other.
            if (p % 2 == 1) {
                rates[refs][p] = wal.runSlice(sliceNanos) * walScale;
            }
            double bestRef = 0;
            for (int r = 0; r < refs; r++) {
                rates[r][p] = workloads[r].runSlice(sliceNanos) * refScale;
                bestRef = Math.max(bestRef, rates[r][p]);
            }
            if (p % 2 == 0) {
                rates[refs][p] = wal.runSlice(sliceNanos) * walScale;
            }
            ratios[p] = rates[refs][p] / bestRef;
        }
        System.out.println(title);
        for (int w = 0; w < workloads.length; w++) {
            System.out.printf("  %-60s median %12.1f  (min %.1f, max %.1f)%n", workloads[w].name(),
                    median(rates[w]), min(rates[w]), max(rates[w]));
        }
        System.out.printf("  %-60s %s%n", "", wal.observations());
        if (walScale != 1) {
            System.out.printf("  %-60s median %12.0f records/s%n", "", median(rates[refs]) / walScale);
        }
        System.out.printf("  log / best reference of each pair: median %.2f (min %.2f, max %.2f) over %s%n%n",
                median(ratios), min(ratios), max(ratios), format(ratios));
    }

    private static String format(double[] values) {
        List<String> s = new ArrayList<>();
        for (double v : values) {
            s.add(String.format("%.2f", v));
        }
        return s.toString();
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static double min(double[] values) {
        return Arrays.stream(values).min().orElse(0);
    }

    private static double max(double[] values) {
        return Arrays.stream(values).max().orElse(0);
    }
}
