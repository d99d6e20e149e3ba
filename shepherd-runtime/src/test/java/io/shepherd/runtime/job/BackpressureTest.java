package io.shepherd.runtime.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.shepherd.api.StreamEnvironment;
import io.shepherd.api.execution.JobClient;
import io.shepherd.api.execution.JobMetrics;
import io.shepherd.api.execution.JobResult;
import io.shepherd.api.execution.JobStatus;
import io.shepherd.api.functions.Collector;
import io.shepherd.runtime.LocalExecutor;
import io.shepherd.runtime.testing.ShepherdThreads;
import io.shepherd.runtime.testing.Sources;
import java.time.Duration;
import java.util.BitSet;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A sink slower than its sources throttles them through every channel in between: records in
 * flight (emitted downstream of the sources but not yet taken by the sink) stay within what the
 * channels, the partly filled batches and the one input batch a task works on can hold; and the
 * output is still exact.
 *
 * <p>Job: numbers (2) -> fan out x2 (2, chained) -> rebalance -> copy (3) -> rebalance -> gated sink (2).
 */
class BackpressureTest {
    private static final int FAN_OUT = 2;
    private static final int SOURCES = 2;
    private static final int COPIES = 3;
    private static final int SINKS = 2;

    /**
     * The most sink records that can be between the fan-out and the sink at once. Per edge of S
     * senders and R receivers: R channels per sender, each holding {@code capacity} batches, plus
     * one partly filled batch and one batch waiting for room per channel; per receiving subtask, the
     * input batch it is working through.
     */
    private static long inFlightBound(int batchSize, int capacity) {
        long perChannel = (long) (capacity + 2) * batchSize;
        long edges = SOURCES * COPIES * perChannel + COPIES * SINKS * perChannel;
        long inHand = (long) (COPIES + SINKS) * batchSize;
        return edges + inHand;
    }

    @ParameterizedTest(name = "batch size {0}, channel capacity {1}, {2} records")
    @CsvSource({"16, 2, 10000", "1, 4, 2000", "64, 3, 10000"})
    void when_the_sink_is_slow_then_in_flight_records_stay_bounded_and_the_output_is_exact(
            int batchSize, int capacity, long records) throws Exception {
        GatedSink sink = new GatedSink();
        GatedSink.State gate = sink.state();
        StreamEnvironment env = StreamEnvironment.create(new LocalExecutor());
        // A thread per task: the blocked sink must not stop the others from filling every channel.
        env.config().setBatchSize(batchSize).setChannelCapacityBatches(capacity).setWorkerThreads(7);
        env.fromSource(Sources.counting(records, null), "numbers").setParallelism(SOURCES)
                .flatMap((Long x, Collector<Long> out) -> {
                    out.collect(2 * x);
                    out.collect(2 * x + 1);
                }).name("fan-out").setParallelism(SOURCES)
                .rebalance().map(x -> x).name("copy").setParallelism(COPIES)
                .rebalance().sink(sink).name("gated").setParallelism(SINKS);
        JobClient job = env.executeAsync("back-pressured");
        long bound = inFlightBound(batchSize, capacity);
        try {
            // With no permits the sink takes nothing: the sources must come to a stop well short of the end.
            long[] last = {-1};
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50)).until(() -> {
                long now = job.metrics().sourceRecords();
                boolean stopped = now > 0 && now == last[0];
                last[0] = now;
                return stopped;
            });
            JobMetrics stalled = job.metrics();
            assertThat(stalled.sourceRecords()).as("sources stopped by back pressure").isLessThan(records);
            assertThat(inFlight(stalled)).as("in flight while stalled").isBetween(1L, bound);

            long released = 0;
            long maxInFlight = 0;
            while (released < records * FAN_OUT) {
                int step = (int) Math.min(997, records * FAN_OUT - released);
                gate.permits.release(step);
                released += step;
                long target = released;
                await().atMost(Duration.ofSeconds(30)).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(1))
                        .until(() -> gate.count.get() >= target);
                long inFlight = inFlight(job.metrics());
                maxInFlight = Math.max(maxInFlight, inFlight);
                assertThat(inFlight).as("in flight after %d records written", target).isLessThanOrEqualTo(bound);
            }
            JobResult result = job.await(Duration.ofSeconds(30));
            assertThat(result.status()).isEqualTo(JobStatus.FINISHED);
            assertThat(maxInFlight).isLessThanOrEqualTo(bound);
            assertExactlyEachOnce(List.copyOf(gate.written), records * FAN_OUT);
            ShepherdThreads.assertNoneAlive();
        } finally {
            gate.permits.release(Integer.MAX_VALUE / 2);
            job.cancel();
            sink.release();
        }
    }

    /** Sink records emitted by the fan-out and not yet handed to the sink. */
    private static long inFlight(JobMetrics metrics) {
        // Sources first, then the sink: a sink count read later is never behind the source count read.
        long emitted = metrics.sourceRecords() * FAN_OUT;
        return emitted - metrics.sinkRecords();
    }

    private static void assertExactlyEachOnce(List<Long> written, long expected) {
        BitSet seen = new BitSet();
        for (long x : written) {
            assertThat(seen.get((int) x)).as("record %d written twice", x).isFalse();
            seen.set((int) x);
        }
        assertThat(seen.cardinality()).as("distinct records written").isEqualTo((int) expected);
        assertThat(seen.nextClearBit(0)).isEqualTo((int) expected);
    }
}
