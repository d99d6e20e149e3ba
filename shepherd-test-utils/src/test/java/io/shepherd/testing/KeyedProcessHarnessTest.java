package io.shepherd.testing;

import static io.shepherd.testing.Items.record;
import static io.shepherd.testing.Items.watermark;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import io.shepherd.testing.Payments.EventTimeTotals;
import io.shepherd.testing.Payments.Payment;
import org.junit.jupiter.api.Test;

class KeyedProcessHarnessTest {

    private static OperatorHarness totals() {
        return OperatorHarness.forKeyedProcess(Payment::user, new EventTimeTotals());
    }

    @Test
    void when_the_watermark_passes_payments_then_each_fires_its_users_total_at_its_event_time() throws Exception {
        try (OperatorHarness harness = totals()) {
            harness.processElement(new Payment("ann", 5), 10);
            harness.processElement(new Payment("bob", 7), 12);
            harness.processElement(new Payment("ann", 3), 15);

            assertThat(harness.output()).isEmpty();
            assertThat(harness.registeredEventTimers()).isEqualTo(3);
            assertThat(harness.eventTimers("ann")).containsExactly(10L, 15L);

            harness.processWatermark(12);

            assertThat(harness.takeOutput())
                    .containsExactly(record("ann total 5", 10), record("bob total 7", 12), watermark(12));
            assertThat(harness.registeredEventTimers()).isEqualTo(1);
            assertThat(harness.state("ann", EventTimeTotals.TOTAL)).isEqualTo(5L);
            assertThat(harness.state("ann", EventTimeTotals.PENDING)).containsExactly(entry(15L, 3L));
            assertThat(harness.state("bob", EventTimeTotals.PENDING)).isEmpty();

            harness.processWatermark(20);

            assertThat(harness.takeOutput()).containsExactly(record("ann total 8", 15), watermark(20));
            assertThat(harness.registeredEventTimers()).isZero();
        }
    }

    @Test
    void when_a_payment_arrives_behind_the_watermark_then_its_timer_fires_at_the_next_watermark() throws Exception {
        try (OperatorHarness harness = totals()) {
            harness.processWatermark(50);
            harness.processElement(new Payment("ann", 4), 30);

            assertThat(harness.eventTimers("ann")).containsExactly(30L);
            assertThat(harness.outputValues()).isEmpty();

            harness.processWatermark(51);

            assertThat(harness.output()).containsExactly(watermark(50), record("ann total 4", 30), watermark(51));
        }
    }

    @Test
    void when_processing_time_passes_the_idle_deadline_then_the_idle_timer_fires_without_event_time()
            throws Exception {
        try (OperatorHarness harness = OperatorHarness.builderForStream(
                        (io.shepherd.api.DataStream<Payment> s) -> s.keyBy(Payment::user).process(new EventTimeTotals()))
                .startProcessingTime(100)
                .build()) {
            harness.processElement(new Payment("ann", 1), 10);
            assertThat(harness.processingTimers("ann")).containsExactly(1_100L);

            harness.setProcessingTime(600);
            harness.processElement(new Payment("ann", 1), 11);

            // The second payment moved the deadline: the first timer was deleted.
            assertThat(harness.processingTimers("ann")).containsExactly(1_600L);
            assertThat(harness.registeredProcessingTimers()).isEqualTo(1);

            harness.setProcessingTime(1_599);
            assertThat(harness.output()).isEmpty();

            harness.advanceProcessingTime(1);

            assertThat(harness.output()).containsExactly(record("ann idle"));
            assertThat(harness.state("ann", EventTimeTotals.IDLE_TIMER)).isNull();
            assertThat(harness.registeredProcessingTimers()).isZero();
            // Event-time work is untouched by processing time.
            assertThat(harness.registeredEventTimers()).isEqualTo(2);
        }
    }

    @Test
    void when_the_input_ends_then_the_final_watermark_fires_every_event_timer() throws Exception {
        try (OperatorHarness harness = totals()) {
            harness.processElement(new Payment("ann", 2), 1_000);
            harness.processElement(new Payment("bob", 3), 2_000);

            harness.finish();

            assertThat(harness.output()).containsExactly(
                    record("ann total 2", 1_000), record("bob total 3", 2_000), watermark(Long.MAX_VALUE));
            assertThatThrownBy(() -> harness.processElement(new Payment("ann", 1), 3_000))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("is finished");
        }
    }

    @Test
    void when_the_operator_restarts_keeping_state_then_its_timers_and_state_carry_over() throws Exception {
        try (OperatorHarness harness = totals()) {
            harness.processElement(new Payment("ann", 5), 10);
            harness.processWatermark(10);
            harness.processElement(new Payment("ann", 6), 20);
            harness.clearOutput();

            harness.restartKeepingState();

            assertThat(harness.eventTimers("ann")).containsExactly(20L);
            assertThat(harness.processingTimers("ann")).hasSize(1);
            assertThat(harness.currentWatermark()).isEqualTo(10);
            harness.processWatermark(20);
            assertThat(harness.output()).containsExactly(record("ann total 11", 20), watermark(20));
        }
    }

    @Test
    void when_a_watermark_does_not_advance_then_the_harness_refuses_it_as_the_runtime_never_sends_one()
            throws Exception {
        try (OperatorHarness harness = totals()) {
            harness.processWatermark(10);

            assertThatThrownBy(() -> harness.processWatermark(10))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("does not advance");
        }
    }

    @Test
    void when_a_state_name_is_unknown_then_the_error_lists_the_states_the_operator_has() throws Exception {
        try (OperatorHarness harness = totals()) {
            assertThatThrownBy(() -> harness.state("ann", "totl"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("no keyed state named 'totl'")
                    .hasMessageContaining("[pending, total, idle-timer]");
        }
    }

    @Test
    void when_state_is_read_then_the_test_gets_a_copy_it_cannot_change_the_operator_through() throws Exception {
        try (OperatorHarness harness = totals()) {
            harness.processElement(new Payment("ann", 5), 10);

            assertThatThrownBy(() -> harness.state("ann", EventTimeTotals.PENDING).clear())
                    .isInstanceOf(UnsupportedOperationException.class);
            assertThat(harness.state("ann", EventTimeTotals.PENDING)).containsExactly(entry(10L, 5L));
            assertThat(harness.keysWithState("pending")).containsExactly("ann");
        }
    }
}
