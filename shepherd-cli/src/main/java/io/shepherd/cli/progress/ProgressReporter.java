package io.shepherd.cli.progress;

import io.shepherd.api.execution.JobMetrics;
import io.shepherd.common.Clock;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Shows how far a running job has got, on stderr, so that stdout stays for results: records read
 * by the sources, the rate since the last report, and the time elapsed.
 *
 * <p>On a terminal ({@code live}) one line is rewritten in place with {@code \r}; otherwise (a pipe,
 * a CI log) each report is a line of its own. A job that ends before the first report prints
 * nothing at all, so short runs stay quiet. {@link #start} polls on a daemon thread; {@link #tick}
 * reports once, and is what tests call with a controlled clock. Thread-safe.
 */
public final class ProgressReporter implements AutoCloseable {
    private final Supplier<JobMetrics> metrics;
    private final PrintWriter err;
    private final boolean live;
    private final Clock clock;
    private final String unit;
    private final long expectedRecords;
    private final long startNanos;
    private ScheduledExecutorService poller;
    private long lastNanos;
    private long lastRecords;
    private int lastLineLength;
    private boolean reported;
    private boolean closed;

    /**
     * @param metrics the job's counters, polled once per report
     * @param err where reports go
     * @param live whether {@code err} is a terminal, where one line is rewritten in place
     * @param unit what the sources' records are, for the line ("transfers", "records")
     * @param expectedRecords how many records the sources will read in all, or -1 if unknown
     */
    public ProgressReporter(
            Supplier<JobMetrics> metrics, PrintWriter err, boolean live, Clock clock, String unit, long expectedRecords) {
        this.metrics = metrics;
        this.err = err;
        this.live = live;
        this.clock = clock;
        this.unit = unit;
        this.expectedRecords = expectedRecords;
        this.startNanos = clock.nanoTime();
        this.lastNanos = startNanos;
    }

    /** Whether stderr is a terminal a line can be rewritten on. */
    public static boolean stderrIsTerminal() {
        return System.console() != null;
    }

    /** Reports every {@code interval} from a daemon thread until {@link #close}. */
    public synchronized ProgressReporter start(Duration interval) {
        if (poller != null || closed) {
            throw new IllegalStateException("progress reporter already started or closed");
        }
        poller = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "shepherd-progress");
            thread.setDaemon(true);
            return thread;
        });
        long nanos = interval.toNanos();
        poller.scheduleAtFixedRate(this::tick, nanos, nanos, TimeUnit.NANOSECONDS);
        return this;
    }

    /** Reports once: the records so far and the rate since the previous report. */
    public synchronized void tick() {
        if (closed) {
            return;
        }
        long now = clock.nanoTime();
        long records = metrics.get().sourceRecords();
        double rate = perSecond(records - lastRecords, now - lastNanos);
        print(line(records, rate, now - startNanos), false);
        lastNanos = now;
        lastRecords = records;
        reported = true;
    }

    /**
     * Stops reporting. If anything was reported, ends with a last line (the average rate over the
     * whole run), so the terminal's cursor is on a fresh line for what comes next.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (poller != null) {
            poller.shutdownNow();
        }
        if (reported) {
            long now = clock.nanoTime();
            long records = metrics.get().sourceRecords();
            print(line(records, perSecond(records, now - startNanos), now - startNanos), true);
        }
    }

    private String line(long records, double ratePerSecond, long elapsedNanos) {
        StringBuilder line = new StringBuilder();
        line.append(String.format(Locale.ROOT, "%,d", records));
        if (expectedRecords > 0) {
            line.append(String.format(Locale.ROOT, " / %,d %s (%.0f%%)", expectedRecords, unit,
                    100.0 * records / expectedRecords));
        } else {
            line.append(' ').append(unit);
        }
        line.append(String.format(Locale.ROOT, "  %,.0f records/s  %.1f s elapsed", ratePerSecond,
                elapsedNanos / 1e9));
        return line.toString();
    }

    private void print(String line, boolean last) {
        if (live) {
            // Pad over the rest of a longer previous line: \r only moves the cursor.
            String padding = " ".repeat(Math.max(0, lastLineLength - line.length()));
            err.print("\r" + line + padding + (last ? System.lineSeparator() : ""));
            lastLineLength = line.length();
        } else {
            err.println(line);
        }
        err.flush();
    }

    private static double perSecond(long records, long nanos) {
        return nanos <= 0 ? 0 : records * 1e9 / nanos;
    }
}
