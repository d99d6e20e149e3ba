package io.shepherd.testing;

import static io.shepherd.testing.Items.processingTime;
import static io.shepherd.testing.Items.record;
import static io.shepherd.testing.Items.watermark;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class OutputComparisonTest {
    private static final OutputComparison IN_ORDER = new OutputComparison(true, false);

    private static ModeRun oneStep(HarnessStep step, StreamItem... output) {
        return new ModeRun(HarnessModes.PLAIN, List.of(step), List.of(output), new int[] {output.length, output.length},
                List.of());
    }

    @Test
    void when_timers_due_at_the_same_time_fire_in_another_order_then_the_outputs_still_match() {
        ModeRun run = oneStep(watermark(10), record("b", 9), record("a", 9), record("c", 10));

        assertThat(IN_ORDER.mismatch(List.of(record("a", 9), record("b", 9), record("c", 10)), run)).isNull();
        assertThat(IN_ORDER.mismatch(List.of(record("a"), record("b")),
                oneStep(processingTime(5), record("b"), record("a")))).isNull();
    }

    @Test
    void when_outputs_of_different_times_swap_then_the_difference_is_reported() {
        ModeRun run = oneStep(watermark(10), record("c", 10), record("a", 9));

        assertThat(IN_ORDER.mismatch(List.of(record("a", 9), record("c", 10)), run))
                .startsWith("first difference at output #1: expected record(a @9) but was record(c @10)");
    }

    @Test
    void when_one_record_emits_in_another_order_then_the_difference_is_reported() {
        ModeRun run = oneStep(record("x", 1), record("b", 1), record("a", 1));

        assertThat(IN_ORDER.mismatch(List.of(record("a", 1), record("b", 1)), run))
                .startsWith("first difference at output #1: expected record(a @1) but was record(b @1), emitted at "
                        + "step #1 of 1, record(x @1)");
    }

    @Test
    void when_a_group_of_ties_differs_then_the_whole_group_is_shown() {
        ModeRun run = oneStep(watermark(10), record("b", 9), record("z", 9));

        assertThat(IN_ORDER.mismatch(List.of(record("a", 9), record("b", 9)), run))
                .startsWith("first difference at output #1: expected [record(a @9), record(b @9)] but was "
                        + "[record(b @9), record(z @9)] (timers due at the same time, compared in any order)");
    }

    @Test
    void when_the_output_is_short_or_long_then_the_missing_or_extra_item_is_named() {
        ModeRun run = oneStep(record("x", 1), record("a", 1));

        assertThat(IN_ORDER.mismatch(List.of(record("a", 1), record("b", 1)), run))
                .startsWith("first difference at output #2: the output ends after 1 items; expected next record(b @1)");
        assertThat(IN_ORDER.mismatch(List.of(), run))
                .startsWith("first difference at output #1: unexpected extra output record(a @1)");
    }

    @Test
    void when_order_does_not_count_then_missing_and_unexpected_items_are_listed_with_multiplicity() {
        OutputComparison anyOrder = new OutputComparison(false, true);
        ModeRun run = oneStep(watermark(3), record("a"), record("a"), watermark(3));

        assertThat(anyOrder.mismatch(List.of(record("a"), record("b")), run))
                .startsWith("missing: [record(b)]\n    unexpected: [record(a)]");
    }
}
