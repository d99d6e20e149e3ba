package io.shepherd.testing;

import static io.shepherd.testing.Items.processingTime;
import static io.shepherd.testing.Items.record;
import static io.shepherd.testing.Items.watermark;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class HarnessModesTest {

    @Test
    void when_records_precede_a_watermark_then_each_gets_the_highest_watermark_that_makes_no_later_one_late() {
        List<HarnessStep> steps = List.of(record("a", 5), record("b", 3), record("c", 9), watermark(20),
                record("d", 30));

        assertThat(HarnessModes.withEarliestWatermarks(steps)).containsExactly(
                record("a", 5),                 // b at 3 follows: the watermark may only reach 2
                watermark(2),
                record("b", 3),                 // c at 9 follows
                watermark(8),
                record("c", 9),                 // nothing before the scripted 20: go right to it
                watermark(20),                  // the scripted 20 no longer advances and is dropped
                record("d", 30),                // the end of input is the next watermark
                watermark(Long.MAX_VALUE - 1));
    }

    @Test
    void when_a_record_is_already_late_then_no_watermark_is_inserted_that_would_not_advance() {
        List<HarnessStep> steps = List.of(watermark(10), record("late", 4), record("x", 12), watermark(15));

        assertThat(HarnessModes.withEarliestWatermarks(steps)).containsExactly(
                watermark(10), record("late", 4), watermark(11), record("x", 12), watermark(15));
    }

    @Test
    void when_records_have_no_timestamps_or_time_moves_then_those_steps_stay_as_they_are() {
        List<HarnessStep> steps = List.of(record("a"), processingTime(5), record("b", 7), watermark(9));

        assertThat(HarnessModes.withEarliestWatermarks(steps)).containsExactly(
                record("a"), watermark(6), processingTime(5), record("b", 7), watermark(9));
    }
}
