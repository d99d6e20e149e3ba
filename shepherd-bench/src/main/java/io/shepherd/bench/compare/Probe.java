package io.shepherd.bench.compare;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import org.HdrHistogram.Histogram;

/**
 * What one run measures, in the one JVM that runs one job on one engine (both engines run their tasks in
 * this JVM, so their functions report here). Sinks count in chunks ({@link SinkTally}); the counter of the
 * recovery job reports the failure, the restore and the catch-up ({@link RecoveryTracker}).
 */
final class Probe {
    static final int MAX_PARALLELISM = 64;
    /** The share of the input before the measured window and after it (JIT warm-up, wind-down). */
    private static final double EDGE = 0.1;

    private static volatile long expectedSinkRecords = Long.MAX_VALUE;
    private static volatile long startNanos;
    private static final AtomicLong firstRecordNanos = new AtomicLong();
    private static final AtomicLong sinkRecords = new AtomicLong();
    private static volatile long windowStartNanos;
    private static volatile long windowEndNanos;
    private static final AtomicLong checksum = new AtomicLong();
    private static final Histogram latency = new Histogram(TimeUnit.SECONDS.toNanos(60), 3);
    private static final long[] finalCounts = new long[(int) PeerJob.KEYS];

    private static volatile long failedAtNanos;
    private static final AtomicLong firstRecordAfterRestoreNanos = new AtomicLong();
    private static final AtomicLong caughtUpNanos = new AtomicLong();
    /** Per counter subtask and source subtask, the highest value the failed attempt counted. */
    private static final AtomicLongArray reachedBeforeFailure = new AtomicLongArray(MAX_PARALLELISM * MAX_PARALLELISM);
    private static final AtomicLongArray sourceCaughtUp = new AtomicLongArray(MAX_PARALLELISM);
    private static final AtomicLong sourcesCaughtUp = new AtomicLong();
    private static volatile int parallelism;

    private Probe() {}

    /** Called once before the job starts. */
    static void start(long expectedAtSink, int jobParallelism) {
        expectedSinkRecords = expectedAtSink;
        parallelism = jobParallelism;
        startNanos = System.nanoTime();
    }

    static void firstRecord() {
        firstRecordNanos.compareAndSet(0, System.nanoTime());
    }

    /** A sink subtask received {@code records} more. */
    static void sinkProgress(long records) {
        long before = sinkRecords.getAndAdd(records);
        long after = before + records;
        long from = (long) (expectedSinkRecords * EDGE);
        long to = (long) (expectedSinkRecords * (1 - EDGE));
        if (before < from && after >= from) {
            windowStartNanos = System.nanoTime();
        }
        if (before < to && after >= to) {
            windowEndNanos = System.nanoTime();
        }
    }

    /** Adds a sink subtask's checksum of what it received (a sum the job's output must reach exactly). */
    static void addChecksum(long sum) {
        checksum.addAndGet(sum);
    }

    /** Merges a sink subtask's last count per key (each key reaches one sink subtask; zero elsewhere). */
    static synchronized void addLastCounts(long[] counts) {
        for (int key = 0; key < counts.length; key++) {
            finalCounts[key] = Math.max(finalCounts[key], counts[key]);
        }
    }

    /** The last count the sinks saw per key. */
    static synchronized long[] finalCounts() {
        return finalCounts.clone();
    }

    static synchronized void addLatencies(Histogram histogram) {
        latency.add(histogram);
    }

    /** The recovery job's counter failed on purpose. */
    static void failed() {
        failedAtNanos = System.nanoTime();
    }

    static boolean hasFailed() {
        return failedAtNanos != 0;
    }

    /** The highest value counter subtask {@code counter} of the failed attempt counted from source {@code source}. */
    static void reachedBeforeFailure(int counter, int source, long value) {
        reachedBeforeFailure.lazySet(counter * MAX_PARALLELISM + source, value);
    }

    /** A counter subtask of the restored attempt counted its first record. */
    static void firstRecordAfterRestore() {
        firstRecordAfterRestoreNanos.compareAndSet(0, System.nanoTime());
    }

    /**
     * A counter subtask of the restored attempt counted {@code value} from source subtask {@code source}: once
     * every source has replayed past what the failed attempt had counted from it, the job has caught up.
     */
    static void countedAfterRestore(int source, long value) {
        if (sourceCaughtUp.get(source) != 0 || value < reachedBeforeFailure(source)) {
            return;
        }
        if (sourceCaughtUp.compareAndSet(source, 0, 1) && sourcesCaughtUp.incrementAndGet() == parallelism) {
            caughtUpNanos.compareAndSet(0, System.nanoTime());
        }
    }

    private static long reachedBeforeFailure(int source) {
        long reached = 0;
        for (int counter = 0; counter < parallelism; counter++) {
            reached = Math.max(reached, reachedBeforeFailure.get(counter * MAX_PARALLELISM + source));
        }
        return reached;
    }

    static long sinkRecords() {
        return sinkRecords.get();
    }

    static long checksum() {
        return checksum.get();
    }

    static double startupMillis() {
        long first = firstRecordNanos.get();
        return first == 0 ? Double.NaN : (first - startNanos) / 1e6;
    }

    /** Source records per second between the 10% and the 90% marks of the sink's input. */
    static double steadyRecordsPerSecond(long sourceRecords) {
        long nanos = windowEndNanos - windowStartNanos;
        if (windowStartNanos == 0 || windowEndNanos == 0 || nanos <= 0) {
            return Double.NaN;
        }
        return sourceRecords * (1 - 2 * EDGE) * 1e9 / nanos;
    }

    static Histogram latency() {
        return latency;
    }

    static double recoveryMillis() {
        long first = firstRecordAfterRestoreNanos.get();
        return failedAtNanos == 0 || first == 0 ? Double.NaN : (first - failedAtNanos) / 1e6;
    }

    static double catchUpMillis() {
        long caughtUp = caughtUpNanos.get();
        return failedAtNanos == 0 || caughtUp == 0 ? Double.NaN : (caughtUp - failedAtNanos) / 1e6;
    }
}
