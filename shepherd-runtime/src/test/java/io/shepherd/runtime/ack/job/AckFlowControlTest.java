package io.shepherd.runtime.ack.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.shepherd.api.StreamEnvironment;
import io.shepherd.api.ack.AckMetrics;
import io.shepherd.api.execution.JobClient;
import io.shepherd.api.execution.JobResult;
import io.shepherd.api.functions.FunctionContext;
import io.shepherd.api.sink.Sink;
import io.shepherd.api.sink.SinkWriter;
import io.shepherd.runtime.LocalExecutor;
import io.shepherd.runtime.testing.Jobs;
import io.shepherd.runtime.testing.Shared;
import java.time.Duration;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/**
 * Max pending as flow control (DESIGN.md part 3): with a stalled sink, the source stops once max pending
 * records are unfinished — it is simply not polled — so memory stays bounded, and it resumes as the sink
 * drains.
 */
class AckFlowControlTest {
    private static final int MAX_PENDING = 64;
    private static final int RECORDS = 5_000;

    @Test
    void when_the_sink_stalls_then_the_source_stops_at_max_pending_and_resumes_when_it_drains() throws Exception {
        Shared<Gate> gate = Shared.of(new Gate());
        StreamEnvironment env = StreamEnvironment.create(new LocalExecutor()).setParallelism(1);
        env.config().setWorkerThreads(2);
        env.config().acking().enable().setMaxPending(MAX_PENDING).setTreeTimeout(Duration.ofMinutes(1));
        env.fromCollection(LongStream.range(0, RECORDS).boxed().toList())
                .map(v -> v * 2)
                .rebalance()
                .sink(new GatedSink(gate));
        JobClient job = env.executeAsync("stalled sink");
        try {
            AckMetrics stalled = awaitSteady(job);
            assertThat(stalled.pending()).as("records in flight while the sink stalls").isEqualTo(MAX_PENDING);
            assertThat(job.metrics().sourceRecords()).as("records read while the sink stalls").isEqualTo(MAX_PENDING);
            assertThat(gate.get().written).hasSize(1);

            gate.get().permits.release(RECORDS);
            JobResult result = Jobs.await(job);
            assertThat(gate.get().written).hasSize(RECORDS);
            assertThat(result.metrics().acking().completed()).isEqualTo(RECORDS);
            assertThat(result.metrics().acking().pending()).isZero();
        } finally {
            // A failed check must not leave the sink's worker parked in acquire(): cancel does not interrupt it.
            gate.get().permits.release(RECORDS);
            job.cancel();
            gate.release();
        }
    }

    /**
     * Waits until max pending records are unfinished, then a while longer to see the source stay stopped: a
     * source merely starved of CPU for a moment must not pass for one stopped by flow control.
     */
    private static AckMetrics awaitSteady(JobClient job) {
        await("max pending records unfinished").atMost(Duration.ofSeconds(60))
                .until(() -> job.metrics().acking().pending() >= MAX_PENDING);
        await("the source stays stopped").during(Duration.ofMillis(250)).atMost(Duration.ofSeconds(60))
                .until(() -> job.metrics().sourceRecords() == MAX_PENDING);
        return job.metrics().acking();
    }

    /** What the test controls: the sink writes a record only with a permit; the first one comes free. */
    private static final class Gate {
        final Semaphore permits = new Semaphore(1);
        final Queue<Long> written = new ConcurrentLinkedQueue<>();
    }

    /** Blocks its worker thread until the test hands out permits: a sink that has stalled. */
    private record GatedSink(Shared<Gate> gate) implements Sink<Long> {
        @Override
        public SinkWriter<Long> createWriter(FunctionContext context) {
            Gate shared = gate.get();
            return record -> {
                shared.permits.acquire();
                shared.written.add(record);
            };
        }
    }
}
