package io.shepherd.bench.wal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

/**
 * The log's thread hand-offs without the disk: {@code writers} threads each hand a request to one server
 * thread through a lock-free queue and wait on a future that the server completes, as appenders waiting for
 * their record do with the log's writer and force threads. Its rate (requests/s) is what waking that many
 * waiting threads costs on this machine: no closed-loop workload that wakes every writer for each record
 * can go faster, whatever the disk.
 */
final class HandOffs implements Workload {

    private final int writers;

    HandOffs(int writers) {
        this.writers = writers;
    }

    @Override
    public String name() {
        return "hand-offs only, " + writers + " waiting threads, no I/O";
    }

    @Override
    public double runSlice(long nanos) throws InterruptedException {
        ConcurrentLinkedQueue<CompletableFuture<Void>> requests = new ConcurrentLinkedQueue<>();
        LongAdder served = new LongAdder();
        long start = System.nanoTime();
        long deadline = start + nanos;
        Thread server = new Thread(() -> serve(requests, served, deadline), "bench-server");
        server.start();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < writers; i++) {
            Thread t = new Thread(() -> {
                while (System.nanoTime() < deadline) {
                    CompletableFuture<Void> request = new CompletableFuture<>();
                    requests.add(request);
                    LockSupport.unpark(server);
                    request.join();
                }
            }, "bench-writer-" + i);
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) {
            t.join();
        }
        server.join();
        return served.sum() * 1e9 / (System.nanoTime() - start);
    }

    private void serve(ConcurrentLinkedQueue<CompletableFuture<Void>> requests, LongAdder served, long deadline) {
        // Runs until every writer has stopped: past the deadline, a writer still waiting gets its answer.
        int idleAfterDeadline = 0;
        while (idleAfterDeadline < 1000) {
            CompletableFuture<Void> request = requests.poll();
            if (request == null) {
                if (System.nanoTime() >= deadline) {
                    idleAfterDeadline++;
                }
                LockSupport.parkNanos(100_000);
                continue;
            }
            do {
                request.complete(null);
                served.increment();
            } while ((request = requests.poll()) != null);
        }
    }

    @Override
    public void close() {}
}
