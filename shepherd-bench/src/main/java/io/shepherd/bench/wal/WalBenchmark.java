package io.shepherd.bench.wal;

import io.shepherd.wal.SyncPolicy;
import io.shepherd.wal.Wal;
import io.shepherd.wal.WalOptions;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;

/**
 * Appends per second to a {@link Wal} on the real disk; divide by {@link RawDiskBenchmark} from the same
 * run. One operation is one record.
 *
 * <ul>
 *   <li>{@code syncSingleWriter}: one thread, {@link SyncPolicy#SYNC}, 100-byte records, each waited for
 *       ({@link Wal#appendAndAwait}): compare with {@code RawDiskBenchmark.smallWriteForce*} (same 120
 *       bytes on disk per record).
 *   <li>{@code groupCommitNN}: NN threads, SYNC, 1 KiB records, each thread waiting for its record to be
 *       durable before the next ({@link Wal#appendAndAwait}): the writers share forces. Durable MiB/s =
 *       ops/s x 1 KiB / 2^20.
 *   <li>{@code groupCommitPipelinedNN}: the same, but each writer keeps up to {@value #WINDOW} appends in
 *       flight (as a server answering many clients would): the batch is no longer bounded by the number
 *       of threads. Compare with {@code RawDiskBenchmark.sequentialWrite}.
 *   <li>{@code noneAppend100}: {@link SyncPolicy#NONE}, 100-byte records, one thread with up to
 *       {@value #NONE_WINDOW} in flight: the log's own CPU cost per record.
 * </ul>
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class WalBenchmark {

    static final int WINDOW = 16;
    static final int NONE_WINDOW = 4096;
    private static final byte[] SMALL = new byte[RawDiskBenchmark.SMALL_WRITE_BYTES - 20];
    private static final byte[] KIB = new byte[1024];

    /** One log per trial, shared by the benchmark's threads. */
    public abstract static class Log {
        Path directory;
        Wal wal;

        abstract SyncPolicy policy();

        @Setup(Level.Trial)
        public void open() {
            directory = BenchDirectory.create("wal");
            wal = Wal.open(WalOptions.builder(directory).syncPolicy(policy()).build());
        }

        @TearDown(Level.Trial)
        public void close() {
            wal.close();
            BenchDirectory.delete(directory);
        }
    }

    @State(Scope.Benchmark)
    public static class SyncLog extends Log {
        @Override
        SyncPolicy policy() {
            return SyncPolicy.SYNC;
        }
    }

    @State(Scope.Benchmark)
    public static class UnsyncedLog extends Log {
        @Override
        SyncPolicy policy() {
            return SyncPolicy.NONE;
        }
    }

    /** A writer's appends still in flight. */
    @State(Scope.Thread)
    public static class InFlight {
        final ArrayDeque<CompletableFuture<Long>> futures = new ArrayDeque<>();

        long add(CompletableFuture<Long> future, int window) {
            futures.add(future);
            return futures.size() >= window ? futures.poll().join() : 0;
        }

        @TearDown(Level.Iteration)
        public void drain() {
            while (!futures.isEmpty()) {
                futures.poll().join();
            }
        }
    }

    @Benchmark
    @Threads(1)
    public long syncSingleWriter(SyncLog log) {
        return log.wal.appendAndAwait(SMALL);
    }

    @Benchmark
    @Threads(1)
    public long groupCommit01(SyncLog log) {
        return log.wal.appendAndAwait(KIB);
    }

    @Benchmark
    @Threads(4)
    public long groupCommit04(SyncLog log) {
        return log.wal.appendAndAwait(KIB);
    }

    @Benchmark
    @Threads(16)
    public long groupCommit16(SyncLog log) {
        return log.wal.appendAndAwait(KIB);
    }

    @Benchmark
    @Threads(64)
    public long groupCommit64(SyncLog log) {
        return log.wal.appendAndAwait(KIB);
    }

    @Benchmark
    @Threads(16)
    public long groupCommitPipelined16(SyncLog log, InFlight inFlight) {
        return inFlight.add(log.wal.append(KIB), WINDOW);
    }

    @Benchmark
    @Threads(64)
    public long groupCommitPipelined64(SyncLog log, InFlight inFlight) {
        return inFlight.add(log.wal.append(KIB), WINDOW);
    }

    @Benchmark
    @Threads(1)
    public long noneAppend100(UnsyncedLog log, InFlight inFlight) {
        return inFlight.add(log.wal.append(SMALL), NONE_WINDOW);
    }
}
