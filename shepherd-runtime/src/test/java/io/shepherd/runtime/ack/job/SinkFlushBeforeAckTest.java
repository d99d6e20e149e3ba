package io.shepherd.runtime.ack.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.shepherd.api.StreamEnvironment;
import io.shepherd.api.execution.JobClient;
import io.shepherd.api.execution.JobResult;
import io.shepherd.api.functions.FunctionContext;
import io.shepherd.api.sink.Sink;
import io.shepherd.api.sink.SinkWriter;
import io.shepherd.runtime.LocalExecutor;
import io.shepherd.runtime.testing.Jobs;
import io.shepherd.runtime.testing.Shared;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** Sinks ack only what they have written (DESIGN.md part 3): a record's tree completes after its sink's flush. */
class SinkFlushBeforeAckTest {
    private static final int RECORDS = 200_000;

    @Test
    void when_a_sink_buffers_its_writes_then_no_record_completes_before_the_flush_that_writes_it() throws Exception {
        Shared<Queue<Long>> durable = Shared.of(new ConcurrentLinkedQueue<>());
        StreamEnvironment env = StreamEnvironment.create(new LocalExecutor()).setParallelism(1);
        env.config().acking().enable().setMaxPending(512);
        env.fromCollection(LongStream.range(0, RECORDS).boxed().toList())
                .rebalance()
                .sink(new BufferingSink(durable));
        JobClient job = env.executeAsync("buffering sink");
        try {
            List<String> violations = new ArrayList<>();
            await("every record completed").atMost(Jobs.DEADLINE).pollInSameThread().pollInterval(Duration.ofMillis(1))
                    .until(() -> {
                        // Completed first, written second: a record counted complete must already be written.
                        long completed = job.metrics().acking().completed();
                        long written = durable.get().size();
                        if (completed > written) {
                            violations.add(completed + " completed, " + written + " written");
                        }
                        return completed >= RECORDS;
                    });
            JobResult result = Jobs.await(job);
            assertThat(violations).as("records completed before their sink flushed them").isEmpty();
            assertThat(durable.get()).hasSize(RECORDS);
            assertThat(result.metrics().acking().completed()).isEqualTo(RECORDS);
        } finally {
            job.cancel(); // a finished job stays finished; a failed check leaves no job running
            durable.release();
        }
    }

    /** Keeps writes in memory until a flush moves them to the shared, "durable" queue. */
    private record BufferingSink(Shared<Queue<Long>> durable) implements Sink<Long> {
        @Override
        public SinkWriter<Long> createWriter(FunctionContext context) {
            Queue<Long> target = durable.get();
            List<Long> buffer = new ArrayList<>();
            return new SinkWriter<>() {
                @Override
                public void write(Long record) {
                    buffer.add(record);
                }

                @Override
                public void flush() {
                    target.addAll(buffer);
                    buffer.clear();
                }
            };
        }
    }
}
