package io.shepherd.cli.wal;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.shepherd.cli.ExitCodes;
import io.shepherd.wal.CorruptLogException;
import io.shepherd.wal.SyncPolicy;
import io.shepherd.wal.Wal;
import io.shepherd.wal.WalException;
import io.shepherd.wal.WalOptions;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code shepherd wal append <dir> [--sync ...]}: every line of standard input becomes a record; the
 * position of each is printed, in order, as soon as it is durable under the policy. Reading and
 * printing run apart, so lines typed by hand get their position at once while piped input is appended
 * as fast as group commit allows.
 */
@Command(
        name = "append",
        mixinStandardHelpOptions = true,
        description = {
            "Append each line of standard input (UTF-8, without its line break) as a record.",
            "Prints the position of each record, one per line and in order, once it is durable under --sync."
        })
final class WalAppendCommand implements Callable<Integer> {

    /** How many appends may wait to be printed; reading stops when it is reached (backpressure). */
    private static final int MAX_PENDING = 4096;

    @Spec
    CommandSpec spec;

    @ParentCommand
    WalCommand parent;

    @Parameters(index = "0", paramLabel = "DIR", description = "The log directory (created if missing).")
    Path directory;

    @Option(names = "--sync", paramLabel = "POLICY", defaultValue = "always",
            converter = WalCliOptions.SyncPolicyConverter.class,
            description = "When a record counts as durable: always (force, shared by concurrent records), "
                    + "interval=<ms> (the periodic force), never (written to the OS). Default: ${DEFAULT-VALUE}.")
    SyncPolicy sync;

    @Override
    public Integer call() throws IOException, InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (Wal wal = Wal.open(WalOptions.builder(directory).syncPolicy(sync).build())) {
            wal.recoveryReport().tornTail().ifPresent(torn -> err.println("wal append: recovery cut off a " + torn));
            Printer printer = new Printer(out);
            Thread printing = new Thread(printer, "wal-append-printer");
            printing.start();
            try {
                BufferedReader in = new BufferedReader(new InputStreamReader(parent.stdin(), UTF_8));
                String line;
                while (printer.failure == null && (line = in.readLine()) != null) {
                    printer.pending.put(wal.append(line.getBytes(UTF_8)));
                }
            } finally {
                printer.pending.put(Printer.END);
                printing.join();
            }
            if (printer.failure != null) {
                err.println("wal append: " + printer.failure.getMessage());
                return ExitCodes.FAILED;
            }
            return ExitCodes.OK;
        } catch (CorruptLogException e) {
            return WalCliOptions.corrupt(e, err);
        } catch (WalException e) {
            err.println("wal append: " + e.getMessage());
            return ExitCodes.FAILED;
        }
    }

    /**
     * Prints positions in append order as they become durable, flushing whenever it would otherwise wait.
     * At the first failed append it stops printing and records the failure; it keeps taking from the queue
     * until the end marker so the reading side never blocks on a full queue.
     */
    private static final class Printer implements Runnable {
        static final CompletableFuture<Long> END = new CompletableFuture<>();

        final BlockingQueue<CompletableFuture<Long>> pending = new ArrayBlockingQueue<>(MAX_PENDING);
        final PrintWriter out;
        volatile Throwable failure;

        Printer(PrintWriter out) {
            this.out = out;
        }

        @Override
        public void run() {
            try {
                while (true) {
                    CompletableFuture<Long> next = pending.poll();
                    if (next == null) {
                        out.flush();
                        next = pending.take();
                    }
                    if (next == END) {
                        return;
                    }
                    if (failure != null) {
                        continue;
                    }
                    if (!next.isDone()) {
                        out.flush();
                    }
                    try {
                        out.println(next.join());
                    } catch (CompletionException e) {
                        failure = e.getCause() != null ? e.getCause() : e;
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                out.flush();
            }
        }
    }
}
