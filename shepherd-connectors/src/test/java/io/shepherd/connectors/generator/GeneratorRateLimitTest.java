package io.shepherd.connectors.generator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.shepherd.api.StreamEnvironment;
import io.shepherd.api.execution.JobClient;
import io.shepherd.api.execution.JobStatus;
import io.shepherd.api.sink.CollectSink;
import io.shepherd.api.source.InputStatus;
import io.shepherd.api.source.SourceReader;
import io.shepherd.connectors.ListOutput;
import io.shepherd.connectors.ManualClock;
import io.shepherd.connectors.TestContext;
import io.shepherd.runtime.LocalExecutor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class GeneratorRateLimitTest {

    @Test
    void when_polled_every_millisecond_then_a_subtask_emits_exactly_its_share_of_the_rate() throws Exception {
        // 1,000 records/s over 2 subtasks: 0.5 per millisecond each, plus the one it starts with.
        TestContext context = new TestContext(0, 2);
        context.setTime(5_000);
        SourceReader<Long> reader = GeneratorSource.of(1_000_000, i -> i).withRateLimit(1_000).createReader(context);
        ListOutput<Long> output = new ListOutput<>();

        for (int elapsedMs = 0; elapsedMs <= 4_000; elapsedMs++) {
            drain(reader, output);
            assertThat(output.size()).as("records after %d ms", elapsedMs).isEqualTo(1 + elapsedMs / 2);
            context.advanceTime(1);
        }
    }

    @Test
    void when_ahead_of_the_rate_then_the_reader_reports_nothing_available_until_time_passes() throws Exception {
        TestContext context = new TestContext(0, 1);
        SourceReader<Long> reader = GeneratorSource.of(100, i -> i).withRateLimit(10).createReader(context);
        ListOutput<Long> output = new ListOutput<>();

        assertThat(reader.pollNext(output)).isEqualTo(InputStatus.MORE_AVAILABLE);
        assertThat(reader.pollNext(output)).isEqualTo(InputStatus.NOTHING_AVAILABLE);
        context.advanceTime(99);
        assertThat(reader.pollNext(output)).isEqualTo(InputStatus.NOTHING_AVAILABLE);
        context.advanceTime(1);
        assertThat(reader.pollNext(output)).isEqualTo(InputStatus.MORE_AVAILABLE);
        assertThat(output.records()).containsExactly(0L, 1L);
    }

    @Test
    void when_not_polled_for_a_long_time_then_the_burst_is_a_tenth_of_a_second_of_records() throws Exception {
        TestContext context = new TestContext(0, 1);
        SourceReader<Long> reader = GeneratorSource.of(1_000_000, i -> i).withRateLimit(2_000).createReader(context);
        ListOutput<Long> output = new ListOutput<>();
        drain(reader, output);
        assertThat(output.size()).isEqualTo(1);

        context.advanceTime(60_000);
        drain(reader, output);
        assertThat(output.size()).isEqualTo(1 + 200);
        context.advanceTime(10);
        drain(reader, output);
        assertThat(output.size()).isEqualTo(1 + 200 + 20);
    }

    @Test
    void when_the_clock_steps_back_then_no_records_are_granted_for_it() throws Exception {
        TestContext context = new TestContext(0, 1);
        context.setTime(10_000);
        SourceReader<Long> reader = GeneratorSource.of(1_000, i -> i).withRateLimit(100).createReader(context);
        ListOutput<Long> output = new ListOutput<>();
        drain(reader, output);
        context.setTime(9_000);
        drain(reader, output);
        assertThat(output.size()).isEqualTo(1);
        context.setTime(9_050);
        drain(reader, output);
        assertThat(output.size()).isEqualTo(1 + 5);
    }

    @Test
    void when_a_job_runs_on_a_manual_clock_then_the_whole_source_keeps_to_the_rate() throws Exception {
        // 100 records/s over 2 subtasks: each starts with one record and gets 5 more per 100 ms.
        ManualClock clock = new ManualClock(1_000_000);
        StreamEnvironment env = StreamEnvironment.create(new LocalExecutor(clock)).setParallelism(2);
        CollectSink<Long> sink = new CollectSink<>();
        env.fromSource(GeneratorSource.of(42, i -> i).withRateLimit(100), "limited").sink(sink);
        JobClient job = env.executeAsync("rate limited generator");

        awaitExactly(sink, 2);
        for (int step = 1; step <= 4; step++) {
            clock.advanceMillis(100);
            awaitExactly(sink, 2 + 10 * step);
        }
        assertThat(job.await(Duration.ofSeconds(30)).status()).isEqualTo(JobStatus.FINISHED);
        List<Long> records = new ArrayList<>(sink.results());
        records.sort(null);
        assertThat(records).isEqualTo(LongStream.range(0, 42).boxed().toList());
        sink.clear();
    }

    private static void awaitExactly(CollectSink<Long> sink, int expected) {
        await().atMost(Duration.ofSeconds(20)).until(() -> sink.results().size() >= expected);
        assertThat(sink.results()).hasSize(expected);
    }

    /** Polls until the reader has nothing more to give at the current time. */
    private static void drain(SourceReader<Long> reader, ListOutput<Long> output) throws Exception {
        while (reader.pollNext(output) == InputStatus.MORE_AVAILABLE) {
            // keeps polling
        }
    }
}
