package io.shepherd.testing;

import static io.shepherd.testing.Items.record;
import static io.shepherd.testing.Items.watermark;
import static org.assertj.core.api.Assertions.assertThat;

import io.shepherd.api.DataStream;
import io.shepherd.api.windowing.AggregateFunction;
import io.shepherd.api.windowing.TimeWindow;
import io.shepherd.api.windowing.TumblingEventTimeWindows;
import io.shepherd.testing.Payments.Payment;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WindowHarnessTest {
    private static final TumblingEventTimeWindows TEN_MS = TumblingEventTimeWindows.of(Duration.ofMillis(10));

    /** Sums the amounts of a window's payments. */
    static final class SumAmounts implements AggregateFunction<Payment, Long, Long> {
        @Override
        public Long createAccumulator() {
            return 0L;
        }

        @Override
        public Long add(Payment value, Long accumulator) {
            return accumulator + value.amount();
        }

        @Override
        public Long getResult(Long accumulator) {
            return accumulator;
        }
    }

    @Test
    void when_the_watermark_passes_a_window_then_it_fires_once_with_its_sum_at_its_last_timestamp() throws Exception {
        try (OperatorHarness harness = OperatorHarness.forWindow(Payment::user, TEN_MS, new SumAmounts())) {
            harness.processElement(new Payment("ann", 5), 1);
            harness.processElement(new Payment("bob", 2), 4);
            harness.processElement(new Payment("ann", 3), 9);
            harness.processElement(new Payment("ann", 1), 12);

            assertThat(harness.registeredEventTimers()).isEqualTo(3);
            @SuppressWarnings("unchecked")
            Map<TimeWindow, Long> annWindows = (Map<TimeWindow, Long>) harness.state("ann", "windows");
            assertThat(annWindows).containsEntry(new TimeWindow(0, 10), 8L).containsEntry(new TimeWindow(10, 20), 1L);

            harness.processWatermark(9);

            // Both windows end at 9; timers of one timestamp fire in no promised order across keys.
            assertThat(harness.takeOutput()).containsExactlyInAnyOrder(record(8L, 9), record(2L, 9), watermark(9));

            harness.finish();

            assertThat(harness.output()).containsExactly(record(1L, 19), watermark(Long.MAX_VALUE));
            assertThat(harness.keysWithState("windows")).isEmpty();
        }
    }

    @Test
    void when_a_record_arrives_after_the_watermark_passed_its_window_then_it_is_dropped_and_counted_late()
            throws Exception {
        try (OperatorHarness harness = OperatorHarness.forWindow(Payment::user, TEN_MS, new SumAmounts())) {
            harness.processElement(new Payment("ann", 5), 1);
            harness.processWatermark(10);
            harness.processElement(new Payment("ann", 7), 3);
            harness.processElement(new Payment("ann", 4), 11);
            harness.finish();

            assertThat(harness.<Long>outputValues()).containsExactly(5L, 4L);
            assertThat(harness.metrics().lateRecords()).isEqualTo(1);
        }
    }

    @Test
    void when_a_window_function_sees_all_records_then_it_can_emit_with_the_key_and_window() throws Exception {
        try (OperatorHarness harness = OperatorHarness.forStream((DataStream<Payment> s) -> s.keyBy(Payment::user)
                .window(TEN_MS)
                .process((String user, TimeWindow window, Iterable<Payment> payments,
                        io.shepherd.api.functions.Collector<String> out) -> {
                    int n = 0;
                    for (Payment ignored : payments) {
                        n++;
                    }
                    out.collect(user + " " + window.start() + "-" + window.end() + ": " + n);
                }))) {
            harness.processElement(new Payment("ann", 5), 1);
            harness.processElement(new Payment("ann", 5), 2);
            harness.processWatermark(20);

            assertThat(harness.output()).containsExactly(record("ann 0-10: 2", 9), watermark(20));
        }
    }

    @Test
    void when_windows_are_verified_then_every_mode_fires_the_same_sums_and_drops_the_same_late_record() {
        OperatorHarness.verify(() -> OperatorHarness.forWindow(Payment::user, TEN_MS, new SumAmounts()))
                .input(record(new Payment("ann", 5), 1), record(new Payment("bob", 2), 4),
                        record(new Payment("ann", 3), 9), record(new Payment("ann", 1), 12), watermark(10),
                        record(new Payment("ann", 7), 3), record(new Payment("bob", 4), 15))
                .includeWatermarks()
                .expectOutput(record(8L, 9), record(2L, 9), watermark(10), record(1L, 19), record(4L, 19),
                        watermark(Long.MAX_VALUE));
    }
}
