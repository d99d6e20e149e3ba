package io.shepherd.bench.wal;

import io.shepherd.wal.SyncPolicy;
import io.shepherd.wal.Wal;
import io.shepherd.wal.WalOptions;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.LongAdder;

/**
 * {@code writers} threads appending {@code payloadBytes} records to one log, each keeping up to
 * {@code window} appends in flight (1 = wait for each, with {@link Wal#appendAndAwait}). A record counts once its future completed, i.e.
 * once it is durable under the policy. The rate is in records/s.
 */
final class WalAppends implements Workload {

    private final Path directory;
    private final Wal wal;
    private final SyncPolicy policy;
    private final int writers;
    private final int window;
    private final byte[] payload;

    WalAppends(SyncPolicy policy, int writers, int window, int payloadBytes) {
        this.directory = BenchDirectory.create("wal");
        this.wal = Wal.open(WalOptions.builder(directory).syncPolicy(policy).build());
        this.policy = policy;
        this.writers = writers;
        this.window = window;
        this.payload = new byte[payloadBytes];
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

    @Override
    public void close() {
        wal.close();
        BenchDirectory.delete(directory);
    }
}
