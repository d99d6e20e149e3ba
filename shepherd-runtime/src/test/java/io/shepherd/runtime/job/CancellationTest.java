package io.shepherd.runtime.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.shepherd.api.StreamEnvironment;
import io.shepherd.api.execution.JobClient;
import io.shepherd.api.execution.JobResult;
import io.shepherd.api.execution.JobStatus;
import io.shepherd.api.functions.FunctionContext;
import io.shepherd.api.sink.Sink;
import io.shepherd.api.sink.SinkWriter;
import io.shepherd.api.source.InputStatus;
import io.shepherd.api.source.Source;
import io.shepherd.api.source.SourceOutput;
import io.shepherd.api.source.SourceReader;
import io.shepherd.runtime.LocalExecutor;
import io.shepherd.runtime.testing.Jobs;
import io.shepherd.runtime.testing.LifeCycleCounts;
import io.shepherd.runtime.testing.Shared;
import io.shepherd.runtime.testing.ShepherdThreads;
import io.shepherd.runtime.testing.Sources;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** cancel() ends a running job: status CANCELLED, every function closed, no engine thread left. */
class CancellationTest {
    private final Shared<LifeCycleCounts> readers = Shared.of(new LifeCycleCounts());
    private final Shared<LifeCycleCounts> increments = Shared.of(new LifeCycleCounts());
    private final Shared<LifeCycleCounts> writers = Shared.of(new LifeCycleCounts());

    @AfterEach
    void release() {
        List.of(readers, increments, writers).forEach(Shared::release);
    }

    private void assertEverythingOpenedWasClosed() {
        for (Shared<LifeCycleCounts> counts : List.of(readers, increments, writers)) {
            LifeCycleCounts c = counts.get();
            assertThat(c.opened.get()).as("opened").isPositive();
            assertThat(c.closed.get()).as("closes (%s)", c).isEqualTo(c.opened.get());
        }
        ShepherdThreads.assertNoneAlive();
    }

    /** Parks a few microseconds per record: a sink slower than the source, so the job is back-pressured. */
    record SlowSink(Shared<LifeCycleCounts> writers) implements Sink<Long> {
        @Override
        public SinkWriter<Long> createWriter(FunctionContext context) {
            writers.get().opened.incrementAndGet();
            return new SinkWriter<>() {
                @Override
                public void write(Long record) {
                    LockSupport.parkNanos(5_000);
                }

                @Override
                public void close() {
                    writers.get().closed.incrementAndGet();
                }
            };
        }
    }

    private JobClient start(Sink<Long> sink) {
        StreamEnvironment env = StreamEnvironment.create(new LocalExecutor()).setParallelism(2);
        env.config().setBatchSize(8).setChannelCapacityBatches(2);
        env.fromSource(Sources.counting(-1, readers), "endless")
                .map(new CountedFunctions.Increment(increments, -1)).name("increment")
                .rebalance()
                .sink(sink).name("out");
        return env.executeAsync("endless");
    }

    @Test
    void when_a_running_unbounded_job_is_cancelled_then_it_ends_cancelled_and_leaves_nothing_behind()
            throws Exception {
        JobClient job = start(new CountedFunctions.CountingSink(writers));
        await().atMost(Duration.ofSeconds(30)).until(() -> job.metrics().sinkRecords() > 10_000);
        job.cancel();
        JobResult result = job.await(Duration.ofSeconds(30));
        assertThat(result.status()).isEqualTo(JobStatus.CANCELLED);
        assertThat(result.metrics().sinkRecords()).isGreaterThan(10_000);
        assertEverythingOpenedWasClosed();
    }

    @Test
    void when_a_back_pressured_job_is_cancelled_then_it_ends_promptly() throws Exception {
        JobClient job = start(new SlowSink(writers));
        await().atMost(Duration.ofSeconds(30)).until(() -> job.metrics().sinkRecords() > 100);
        job.cancel();
        assertThat(job.await(Duration.ofSeconds(30)).status()).isEqualTo(JobStatus.CANCELLED);
        assertEverythingOpenedWasClosed();
    }

    @Test
    void when_a_job_is_cancelled_right_after_it_is_submitted_then_it_still_ends_cleanly() throws Exception {
        JobClient job = start(new CountedFunctions.CountingSink(writers));
        job.cancel();
        assertThat(job.await(Duration.ofSeconds(30)).status()).isEqualTo(JobStatus.CANCELLED);
        for (Shared<LifeCycleCounts> counts : List.of(readers, increments, writers)) {
            assertThat(counts.get().closed.get()).as("closes").isEqualTo(counts.get().opened.get());
        }
        ShepherdThreads.assertNoneAlive();
    }

    /** Always says more is available but emits only watermarks, as a reader skipping input might. */
    record SilentSource() implements Source<Long> {
        @Override
        public SourceReader<Long> createReader(FunctionContext context) {
            return new SourceReader<>() {
                private long watermark;

                @Override
                public InputStatus pollNext(SourceOutput<Long> output) {
                    output.emitWatermark(++watermark);
                    return InputStatus.MORE_AVAILABLE;
                }
            };
        }
    }

    @Test
    void when_a_source_keeps_polling_without_emitting_records_then_the_job_can_still_be_cancelled()
            throws Exception {
        StreamEnvironment env = StreamEnvironment.create(new LocalExecutor()).setParallelism(1);
        env.config().setWorkerThreads(1);
        env.fromSource(new SilentSource(), "silent").sink(new CountedFunctions.CountingSink(writers));
        JobClient job = env.executeAsync("silent");
        await().atMost(Duration.ofSeconds(30)).until(() -> writers.get().opened.get() == 1);
        job.cancel();
        assertThat(job.await(Duration.ofSeconds(10)).status()).isEqualTo(JobStatus.CANCELLED);
        assertThat(writers.get().closed).hasValue(1);
        ShepherdThreads.assertNoneAlive();
    }

    @Test
    void when_a_finished_job_is_cancelled_then_it_stays_finished() throws Exception {
        StreamEnvironment env = StreamEnvironment.create(new LocalExecutor()).setParallelism(2);
        env.fromSource(Sources.counting(1_000, readers), "numbers").sink(new CountedFunctions.CountingSink(writers));
        JobClient job = env.executeAsync("short");
        assertThat(Jobs.await(job).status()).isEqualTo(JobStatus.FINISHED);
        job.cancel();
        JobResult again = Jobs.await(job);
        assertThat(again.status()).isEqualTo(JobStatus.FINISHED);
        assertThat(again.metrics().sinkRecords()).isEqualTo(1_000);
    }
}
