package io.shepherd.runtime.operators;

import static io.shepherd.runtime.operators.OperatorHarness.Emitted.record;
import static io.shepherd.runtime.operators.OperatorHarness.Emitted.watermark;
import static org.assertj.core.api.Assertions.assertThat;

import io.shepherd.api.plan.Operation;
import io.shepherd.api.time.WatermarkStrategy;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class TimestampsOperatorTest {

    private static OperatorHarness harness(long boundMs) throws Exception {
        // The harness's operator factory emits watermarks every 10 ms of processing time.
        return new OperatorHarness(new Operation.TimestampsOp(
                WatermarkStrategy.forBoundedOutOfOrderness(Duration.ofMillis(boundMs), (Long value) -> value)));
    }

    @Test
    void when_records_arrive_then_they_get_the_extracted_timestamp() throws Exception {
        OperatorHarness harness = harness(0);
        harness.process(42L, 7).process(3L);
        assertThat(harness.take()).containsExactly(record(42L, 42), record(3L, 3));
    }

    @Test
    void when_the_interval_passes_then_the_watermark_is_max_timestamp_minus_bound_minus_one() throws Exception {
        OperatorHarness harness = harness(5);
        harness.advanceMillis(0);
        assertThat(harness.take()).as("no watermark before the first record").isEmpty();
        harness.process(100L).process(90L).advanceMillis(5);
        assertThat(harness.take()).as("interval not over").containsExactly(record(100L, 100), record(90L, 90));
        harness.advanceMillis(5);
        assertThat(harness.take()).containsExactly(watermark(94));
        harness.advanceMillis(10);
        assertThat(harness.take()).as("no new watermark when the timestamps did not advance").isEmpty();
        harness.process(120L).advanceMillis(10);
        assertThat(harness.take()).containsExactly(record(120L, 120), watermark(114));
    }

    @Test
    void when_upstream_sends_watermarks_then_only_the_final_one_passes() throws Exception {
        OperatorHarness harness = harness(0);
        harness.watermark(1_000).watermark(Long.MAX_VALUE);
        assertThat(harness.take()).containsExactly(watermark(Long.MAX_VALUE));
    }
}
