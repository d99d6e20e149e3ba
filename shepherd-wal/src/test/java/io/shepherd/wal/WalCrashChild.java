package io.shepherd.wal;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;

/**
 * The process the kill -9 harness kills: opens the log (recovering it), then appends from several
 * threads under {@link SyncPolicy#SYNC} until killed, printing {@code ack <position> <round> <thread> <seq>}
 * for each record once its future completes, i.e. once the log promised it durable.
 *
 * <p>Arguments: directory, round, threads, outstanding appends per thread, segment bytes.
 */
public final class WalCrashChild {

    private WalCrashChild() {}

    public static void main(String[] args) throws Exception {
        Path directory = Path.of(args[0]);
        int round = Integer.parseInt(args[1]);
        int threads = Integer.parseInt(args[2]);
        int window = Integer.parseInt(args[3]);
        long segmentBytes = Long.parseLong(args[4]);
        PrintStream out = new PrintStream(System.out, true, "UTF-8");
        Wal wal = Wal.open(WalOptions.builder(directory).segmentBytes(segmentBytes).build());
        out.println("open " + wal.endPosition() + " " + wal.recoveryReport().tornTail().map(t -> t.bytes()).orElse(0L));
        for (int t = 0; t < threads; t++) {
            int thread = t;
            Thread appender = new Thread(() -> appendForever(wal, out, round, thread, window), "appender-" + t);
            appender.start();
        }
    }

    private static void appendForever(Wal wal, PrintStream out, int round, int thread, int window) {
        if (window == 1) {
            // A writer that waits for each record anyway: the log may let it write and force in place.
            for (long seq = 0; ; seq++) {
                long position = wal.appendAndAwait(CrashPayload.encode(round, thread, seq));
                synchronized (out) {
                    out.println("ack " + position + " " + round + " " + thread + " " + seq);
                }
            }
        }
        ArrayDeque<CompletableFuture<Void>> inFlight = new ArrayDeque<>();
        for (long seq = 0; ; seq++) {
            long s = seq;
            CompletableFuture<Void> acked = wal.append(CrashPayload.encode(round, thread, seq))
                    .thenAccept(position -> {
                        synchronized (out) {
                            out.println("ack " + position + " " + round + " " + thread + " " + s);
                        }
                    });
            inFlight.add(acked);
            if (inFlight.size() >= window) {
                inFlight.poll().join();
            }
        }
    }
}
