package io.shepherd.runtime.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;

import io.shepherd.api.StreamEnvironment;
import io.shepherd.api.checkpoint.CheckpointingMode;
import io.shepherd.api.execution.CheckpointStats;
import io.shepherd.api.execution.JobClient;
import io.shepherd.api.functions.FunctionContext;
import io.shepherd.api.sink.Sink;
import io.shepherd.api.sink.SinkWriter;
import io.shepherd.runtime.LocalExecutor;
import io.shepherd.runtime.testing.Jobs;
import io.shepherd.runtime.testing.PacedSource;
import io.shepherd.runtime.testing.Shared;
import io.shepherd.runtime.testing.Sources;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Checkpoints while a slow sink back-pressures the job. Two sources feed one sink task: a flood,
 * whose channel stays full while the sink is throttled, and a trickle that sends nothing, so its
 * barrier reaches the sink at once and the flood's only after the sink has worked through the
 * backlog queued before it. The checks read the job's checkpoint statistics while the sink is still
 * throttled, then release it and let the job finish. Bounds are generous: a slower machine only makes
 * the backlog take longer to drain, which is the direction every assertion tolerates.
 */
class CheckpointBackpressureTest {
    /**
     * Well below how long the flood's backlog takes to drain: a full channel holds 32 batches of 32
     * records, at 100 µs or more per record at least 102 ms. A task notices the timeout between two
     * turns of reading, each at most 8 batches (at least 25.6 ms here), so the backlog spans several
     * turns and the switch to unaligned comes while most of it is still queued.
     */
    private static final Duration ALIGNMENT_TIMEOUT = Duration.ofMillis(20);
    private static final Duration THROTTLED_AT_MOST = Duration.ofSeconds(30);
    private static final long FLOOD_RECORDS = 1_000_000;

    private final Shared<AtomicBoolean> throttled = Shared.of(new AtomicBoolean(true));
    private final Shared<CountDownLatch> trickleEnds = Shared.of(new CountDownLatch(1));

    @AfterEach
    void release() {
        throttled.release();
        trickleEnds.release();
    }

    @Test
    void when_the_sink_is_throttled_then_unaligned_checkpoints_complete_with_channel_state_and_never_wait_to_align()
            throws Exception {
        List<CheckpointStats> whileThrottled = runThrottled(CheckpointingMode.UNALIGNED, null,
                completed -> completed.stream().anyMatch(stats -> stats.channelStateBytes() > 0));

        assertThat(whileThrottled).as("unaligned checkpoints completed while the sink was throttled")
                .anyMatch(stats -> stats.channelStateBytes() > 0);
        assertThat(whileThrottled).as("an unaligned checkpoint never waits for barriers")
                .allMatch(stats -> stats.maxAlignment().isZero());
    }

    @Test
    void when_the_sink_is_throttled_then_aligned_checkpoints_complete_after_waiting_for_the_barrier_behind_the_backlog()
            throws Exception {
        List<CheckpointStats> whileThrottled = runThrottled(CheckpointingMode.ALIGNED, null,
                completed -> completed.stream().anyMatch(stats -> stats.maxAlignment().compareTo(ALIGNMENT_TIMEOUT) > 0));

        assertThat(whileThrottled).as("aligned checkpoints hold no in-flight data")
                .allMatch(stats -> stats.channelStateBytes() == 0);
        assertThat(whileThrottled).as("an aligned checkpoint waited longer than %s for the flood's barrier",
                ALIGNMENT_TIMEOUT).anyMatch(stats -> stats.maxAlignment().compareTo(ALIGNMENT_TIMEOUT) > 0);
    }

    @Test
    void when_alignment_takes_longer_than_its_timeout_then_the_checkpoint_completes_unaligned() throws Exception {
        List<CheckpointStats> whileThrottled = runThrottled(CheckpointingMode.ALIGNED, ALIGNMENT_TIMEOUT,
                completed -> completed.stream().anyMatch(stats -> stats.channelStateBytes() > 0));

        assertThat(whileThrottled).as("a checkpoint fell back to unaligned and completed while the sink was throttled")
                .anyMatch(stats -> stats.channelStateBytes() > 0);
        assertThat(whileThrottled.stream().filter(stats -> stats.channelStateBytes() > 0))
                .as("checkpoints turn unaligned only once the alignment timeout has passed")
                .allMatch(stats -> stats.maxAlignment().compareTo(ALIGNMENT_TIMEOUT) >= 0);
    }

    /**
     * Runs the job with a throttled sink until the completed checkpoints satisfy {@code enough} (or
     * {@link #THROTTLED_AT_MOST} passed), returns those checkpoints, then releases the sink and lets
     * the job finish: it must still end, with every record written.
     */
    private List<CheckpointStats> runThrottled(CheckpointingMode mode, Duration alignmentTimeout,
            Predicate<List<CheckpointStats>> enough) throws Exception {
        StreamEnvironment env = StreamEnvironment.create(new LocalExecutor()).setParallelism(1);
        env.config().setWorkerThreads(3); // one per task: the throttled sink parks its thread
        env.config().setBatchSize(32).setChannelCapacityBatches(32); // a backlog that drains in a fraction of a second
        env.config().checkpointing().setInterval(Duration.ofMillis(50)).setMode(mode)
                .setAlignmentTimeout(alignmentTimeout);
        env.fromSource(new PacedSource(FLOOD_RECORDS, 512), "flood")
                .union(env.fromSource(Sources.heldOpen(0, trickleEnds), "trickle"))
                .sink(new ThrottledSink(throttled));
        JobClient job = env.executeAsync("backpressure " + mode);

        List<CheckpointStats> completed = completedCheckpoints(job);
        long deadline = System.nanoTime() + THROTTLED_AT_MOST.toNanos();
        while (!enough.test(completed) && System.nanoTime() < deadline) {
            Thread.sleep(20);
            completed = completedCheckpoints(job);
        }
        throttled.get().set(false);
        trickleEnds.get().countDown();
        assertThat(Jobs.await(job).metrics().sinkRecords()).as("records written").isEqualTo(FLOOD_RECORDS);
        assertThat(completed).as("checkpoints completed while the sink was throttled").isNotEmpty();
        return completed;
    }

    private static List<CheckpointStats> completedCheckpoints(JobClient job) {
        return job.checkpoints().stream().filter(CheckpointStats::isCompleted).toList();
    }

    /** Writes one record per 100 µs or slower while throttled, then as fast as it can. */
    private record ThrottledSink(Shared<AtomicBoolean> throttled) implements Sink<Long> {
        @Override
        public SinkWriter<Long> createWriter(FunctionContext context) {
            AtomicBoolean slow = throttled.get();
            return record -> {
                if (slow.get()) {
                    LockSupport.parkNanos(100_000);
                }
            };
        }
    }
}
