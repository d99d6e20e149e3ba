package io.shepherd.testing;

import static io.shepherd.testing.Items.processingTime;
import static io.shepherd.testing.Items.record;
import static io.shepherd.testing.Items.watermark;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shepherd.api.DataStream;
import io.shepherd.api.ErrorPolicy;
import io.shepherd.api.functions.MapFunction;
import io.shepherd.api.plan.Operation;
import io.shepherd.api.time.WatermarkStrategy;
import io.shepherd.testing.Payments.CounterSharedByKeys;
import io.shepherd.testing.Payments.CountsInAField;
import io.shepherd.testing.Payments.CountsInState;
import io.shepherd.testing.Payments.EventTimeTotals;
import io.shepherd.testing.Payments.Payment;
import io.shepherd.testing.Payments.TotalAtTimerOfEverythingSeen;
import java.util.List;
import org.junit.jupiter.api.Test;

class OperatorVerifierTest {
    private static final List<HarnessStep> ANN_BOB_ANN = List.of(
            record(new Payment("ann", 1), 1), record(new Payment("bob", 1), 2), record(new Payment("ann", 1), 3));

    @Test
    void when_a_function_keeps_everything_in_state_then_every_mode_gives_the_expected_output() {
        OperatorHarness.verify(() -> OperatorHarness.forKeyedProcess(Payment::user, new CountsInState()))
                .input(ANN_BOB_ANN)
                .expectOutput(record("ann #1", 1), record("bob #1", 2), record("ann #2", 3));
    }

    @Test
    void when_a_function_keeps_state_in_a_field_then_the_plain_run_passes_but_the_restart_mode_exposes_it() {
        // The bug the plain run cannot see: right output, as long as the job never restarts.
        try (OperatorHarness plain = OperatorHarness.forKeyedProcess(Payment::user, new CountsInAField())) {
            ANN_BOB_ANN.forEach(plain::apply);
            assertThat(plain.<String>outputValues()).containsExactly("ann #1", "bob #1", "ann #2");
        } catch (Exception e) {
            throw new AssertionError(e);
        }

        assertThatThrownBy(() -> OperatorHarness.verify(
                                () -> OperatorHarness.forKeyedProcess(Payment::user, new CountsInAField()))
                        .input(ANN_BOB_ANN)
                        .expectOutput(record("ann #1", 1), record("bob #1", 2), record("ann #2", 3)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("mode 'restart after every step'")
                .hasMessageContaining("first difference at output #3: expected record(ann #2 @3) but was "
                        + "record(ann #1 @3), emitted at step #3 of 3, record(Payment[user=ann, amount=1] @3)")
                .hasMessageContaining("suspect this: the function keeps something in a field instead of in state")
                .satisfies(error -> assertThat(error.getMessage()).doesNotContain("mode 'plain'"));
    }

    @Test
    void when_a_field_is_shared_by_all_keys_then_even_the_plain_run_fails_and_no_restart_hint_misleads() {
        assertThatThrownBy(() -> OperatorHarness.verify(
                                () -> OperatorHarness.forKeyedProcess(Payment::user, new CounterSharedByKeys()))
                        .input(ANN_BOB_ANN)
                        .expectOutput(record("ann #1", 1), record("bob #1", 2), record("ann #2", 3)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("mode 'plain'")
                .hasMessageContaining("expected record(bob #1 @2) but was record(bob #2 @2)")
                .satisfies(error -> assertThat(error.getMessage()).doesNotContain("suspect this"));
    }

    @Test
    void when_results_depend_on_where_watermarks_fall_then_the_watermark_mode_exposes_it() {
        assertThatThrownBy(() -> OperatorHarness.verify(
                                () -> OperatorHarness.forKeyedProcess(Payment::user, new TotalAtTimerOfEverythingSeen()))
                        .input(record(new Payment("ann", 1), 1), record(new Payment("ann", 2), 2), watermark(5))
                        .expectOutput(record("ann total 3", 1), record("ann total 3", 2)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("mode 'watermark after every record' (in any order, records only)")
                .hasMessageContaining("missing: [record(ann total 3 @1)]")
                .hasMessageContaining("unexpected: [record(ann total 1 @1)]")
                .hasMessageContaining("suspect this: the function's results depend on where watermarks fall")
                .satisfies(error -> assertThat(error.getMessage()).doesNotContain("mode 'restart"));
    }

    @Test
    void when_an_event_and_processing_time_function_is_correct_then_it_passes_every_mode_with_watermarks()
            throws Exception {
        OperatorHarness.verify(() -> OperatorHarness.forKeyedProcess(Payment::user, new EventTimeTotals()))
                .input(record(new Payment("ann", 5), 10), record(new Payment("bob", 7), 12),
                        record(new Payment("ann", 3), 15), watermark(12), processingTime(999),
                        record(new Payment("ann", 1), 11), processingTime(1_000), watermark(30))
                .includeWatermarks()
                .expectOutput(record("ann total 5", 10), record("bob total 7", 12), watermark(12),
                        record("bob idle"), record("ann total 6", 11), record("ann total 9", 15), watermark(30),
                        watermark(Long.MAX_VALUE));
    }

    @Test
    void when_only_consistency_is_asked_then_the_plain_output_is_returned_once_every_mode_agrees() {
        List<StreamItem> output = OperatorHarness.verify(
                        () -> OperatorHarness.forKeyedProcess(Payment::user, new CountsInState()))
                .input(ANN_BOB_ANN)
                .expectSameOutputInEveryMode();

        assertThat(output).startsWith(record("ann #1", 1), record("bob #1", 2), record("ann #2", 3));
    }

    /** Fails on every third record it sees — counted in a field, so a restart changes which. */
    static final class FailsEveryThirdCall implements MapFunction<String, String> {
        private int calls;

        @Override
        public String map(String value) {
            if (++calls % 3 == 0) {
                throw new IllegalStateException("third call");
            }
            return value;
        }
    }

    @Test
    void when_dead_letters_differ_between_modes_then_the_verifier_reports_them() {
        assertThatThrownBy(() -> OperatorHarness.verify(() -> OperatorHarness.builderForStream(
                                        (DataStream<String> s) -> s.map(new FailsEveryThirdCall()))
                                .errorPolicy(ErrorPolicy.DEAD_LETTER)
                                .build())
                        .modes(HarnessModes.PLAIN, HarnessModes.RESTART_AFTER_EVERY_STEP)
                        .input(record("a"), record("b"), record("c"))
                        .expectOutput(record("a"), record("b")))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("mode 'restart after every step' (in order, records only): dead letters "
                        + "differ from mode 'plain'")
                .hasMessageContaining("DeadLetter[operator=map, subtask=0, record=c");
    }

    @Test
    void when_a_step_throws_then_the_failure_names_the_mode_and_the_step() {
        assertThatThrownBy(() -> OperatorHarness.verify(
                                () -> OperatorHarness.forMap((String s) -> Integer.parseInt(s)))
                        .input(record("1"), record("x"))
                        .expectOutput(record(1)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("mode 'plain': step #2 of 2, record(x) threw")
                .hasMessageContaining("operator 'map'");
    }

    @Test
    void when_the_supplier_hands_out_the_same_harness_twice_then_the_verifier_refuses_it() throws Exception {
        try (OperatorHarness shared = OperatorHarness.forMap((String s) -> s)) {
            assertThatThrownBy(() -> OperatorHarness.verify(() -> shared).input(record("a")).expectOutput(record("a")))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("new, unused harness");
        }
    }

    @Test
    void when_expected_output_lists_watermarks_without_comparing_them_then_the_verifier_says_so() {
        assertThatThrownBy(() -> OperatorHarness.verify(() -> OperatorHarness.forMap((String s) -> s))
                        .input(record("a"), watermark(1))
                        .expectOutput(record("a"), watermark(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("includeWatermarks()");
    }

    @Test
    void when_a_timestamp_assigner_is_verified_then_the_restart_mode_declines_and_the_others_run() {
        Operation assign = new Operation.TimestampsOp(
                WatermarkStrategy.forMonotonousTimestamps((String s) -> Long.parseLong(s)));

        assertThatThrownBy(() -> OperatorHarness.verify(() -> OperatorHarness.of(assign))
                        .input(record("5"))
                        .expectOutput(record("5", 5)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("leave the mode out");
        assertThatCode(() -> OperatorHarness.verify(() -> OperatorHarness.of(assign))
                        .modes(HarnessModes.PLAIN, HarnessModes.WATERMARK_AFTER_EVERY_RECORD)
                        .input(record("5"), record("7"))
                        .expectOutput(record("5", 5), record("7", 7)))
                .doesNotThrowAnyException();
    }
}
