package io.shepherd.cli.progress;

import static org.assertj.core.api.Assertions.assertThat;

import io.shepherd.api.execution.JobMetrics;
import io.shepherd.common.Clock;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ProgressReporterTest {
    private final ManualClock clock = new ManualClock();
    private final StringWriter err = new StringWriter();
    private long sourceRecords;

    @Test
    void when_not_a_terminal_then_each_report_is_a_line_with_count_rate_and_time() {
        ProgressReporter progress = reporter(false, 1_000_000);

        advance(1, 250_000);
        progress.tick();
        advance(1, 750_000);
        progress.tick();
        progress.close();

        assertThat(err.toString().lines()).containsExactly(
                "250,000 / 1,000,000 transfers (25%)  250,000 records/s  1.0 s elapsed",
                "750,000 / 1,000,000 transfers (75%)  500,000 records/s  2.0 s elapsed",
                "750,000 / 1,000,000 transfers (75%)  375,000 records/s  2.0 s elapsed");
    }

    @Test
    void when_a_terminal_then_one_line_is_rewritten_and_ended_at_close() {
        ProgressReporter progress = reporter(true, -1);

        advance(2, 1_000_000);
        progress.tick();
        advance(2, 1_000_100);
        progress.tick();
        progress.close();

        String shown = err.toString();
        assertThat(shown).startsWith("\r1,000,000 transfers  500,000 records/s  2.0 s elapsed");
        assertThat(shown).contains("\r1,000,100 transfers  50 records/s  4.0 s elapsed");
        assertThat(shown).endsWith(System.lineSeparator());
        assertThat(shown.indexOf('\n')).as("one line break, at the end").isEqualTo(shown.length() - 1);
    }

    @Test
    void when_a_shorter_line_replaces_a_longer_one_then_the_rest_is_blanked() {
        ProgressReporter progress = reporter(true, -1);

        advance(1, 123_456_789);
        progress.tick();
        advance(1_000, 123_456_790);
        progress.tick();

        String[] frames = err.toString().split("\r");
        assertThat(frames).hasSize(3);
        assertThat(frames[2]).startsWith("123,456,790 transfers  0 records/s").hasSize(frames[1].length());
        assertThat(frames[2].strip().length()).isLessThan(frames[1].length());
    }

    @Test
    void when_the_job_ends_before_the_first_report_then_nothing_is_printed() {
        ProgressReporter progress = reporter(false, 100);

        advance(0, 100);
        progress.close();
        progress.tick();

        assertThat(err.toString()).isEmpty();
    }

    @Test
    void when_started_then_reports_come_from_a_daemon_thread_until_closed() throws Exception {
        sourceRecords = 5;
        List<Thread> reporters = new CopyOnWriteArrayList<>();
        CountDownLatch twoReports = new CountDownLatch(2);
        ProgressReporter progress = new ProgressReporter(() -> {
                    reporters.add(Thread.currentThread());
                    twoReports.countDown();
                    return metrics();
                }, new PrintWriter(err), false, Clock.system(), "records", -1)
                .start(Duration.ofMillis(5));

        assertThat(twoReports.await(10, TimeUnit.SECONDS)).isTrue();
        progress.close();

        // The first two reports came from the poller; close() may add a last one from this thread.
        assertThat(reporters.subList(0, 2)).allSatisfy(thread -> {
            assertThat(thread.isDaemon()).isTrue();
            assertThat(thread.getName()).isEqualTo("shepherd-progress");
        });
        assertThat(err.toString()).contains("5 records");
    }

    private ProgressReporter reporter(boolean live, long expected) {
        return new ProgressReporter(this::metrics, new PrintWriter(err), live, clock, "transfers", expected);
    }

    private JobMetrics metrics() {
        return new JobMetrics(List.of(), sourceRecords, sourceRecords);
    }

    private void advance(long seconds, long records) {
        clock.nanos += TimeUnit.SECONDS.toNanos(seconds);
        sourceRecords = records;
    }

    /** A clock that moves only when the test moves it. */
    private static final class ManualClock implements Clock {
        long nanos = 1_000;

        @Override
        public long nanoTime() {
            return nanos;
        }

        @Override
        public long currentTimeMillis() {
            return TimeUnit.NANOSECONDS.toMillis(nanos);
        }
    }
}
