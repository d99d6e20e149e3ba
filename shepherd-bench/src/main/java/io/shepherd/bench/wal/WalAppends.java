package io.shepherd.bench.wal;

import io.shepherd.wal.SyncPolicy;
import io.shepherd.wal.Wal;
import io.shepherd.wal.WalOptions;
import io.shepherd.wal.WalStats;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.LongAdder;

/**
 * {@code writers} threads appending {@code payloadBytes} records to one log, each keeping up to
 * {@code window} appends in flight (1 = wait for each, with {@link Wal#appendAndAwait}). A record counts once
 * its future completed, i.e. once it is durable under the policy. The rate is in records/s. The log uses the
 * default options except for the preallocation chunk, which {@code -Dshepherd.bench.preallocate=<bytes>}
 * overrides (0 turns it off) to measure what it is worth.
 */
final class WalAppends implements Workload {

    private final Path directory;
    private final Wal wal;
    private final SyncPolicy policy;
    private final int writers;
    private final int window;
    private final byte[] payload;
    private final WalStats atStart;

    WalAppends(SyncPolicy policy, int writers, int window, int payloadBytes) {
        this.directory = BenchDirectory.create("wal");
        WalOptions.Builder options = WalOptions.builder(directory).syncPolicy(policy);
        String preallocate = System.getProperty("shepherd.bench.preallocate");
        if (preallocate != null) {
            options.preallocateBytes(Long.parseLong(preallocate));
        }
        this.wal = Wal.open(options.build());
        this.policy = policy;
        this.writers = writers;
        this.window = window;
        this.payload = new byte[payloadBytes];
        this.atStart = wal.stats();
    }

    @Override
    public String name() {
        return "wal " + policy + " " + writers + " writer(s) x " + window + " in flight, " + payload.length + " B";
    }

    @Override
    public double runSlice(long nanos) throws InterruptedException {
        LongAdder durable = new LongAdder();
        long start = System.nanoTime();
        long deadline = start + nanos;
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < writers; i++) {
            Thread t = new Thread(() -> append(deadline, durable), "bench-writer-" + i);
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) {
            t.join();
        }
        return durable.sum() * 1e9 / (System.nanoTime() - start);
    }

    private void append(long deadline, LongAdder durable) {
        if (window == 1) {
            while (System.nanoTime() < deadline) {
                wal.appendAndAwait(payload);
                durable.increment();
            }
            return;
        }
        ArrayDeque<CompletableFuture<Long>> inFlight = new ArrayDeque<>();
        while (System.nanoTime() < deadline) {
            inFlight.add(wal.append(payload));
            if (inFlight.size() >= window) {
                inFlight.poll().join();
                durable.increment();
            }
        }
        while (!inFlight.isEmpty()) {
            inFlight.poll().join();
            durable.increment();
        }
    }

    /** Batching over all slices (the warm-up included): records and KiB per force. */
    @Override
    public String observations() {
        WalStats stats = wal.stats().minus(atStart);
        if (stats.forces() == 0) {
            return "no forces";
        }
        return String.format("%d forces, %.1f records and %.1f KiB per force", stats.forces(),
                stats.recordsPerForce(), stats.bytesPerForce() / 1024);
    }

    @Override
    public void close() {
        wal.close();
        BenchDirectory.delete(directory);
    }
}
