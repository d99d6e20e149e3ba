package io.shepherd.testing;

import static io.shepherd.testing.Items.processingTime;
import static io.shepherd.testing.Items.record;
import static io.shepherd.testing.Items.watermark;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shepherd.testing.Payments.CountsInAField;
import io.shepherd.testing.Payments.CountsInState;
import io.shepherd.testing.Payments.EventTimeTotals;
import io.shepherd.testing.Payments.Payment;
import io.shepherd.testkit.SeededRuns;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The verifier's modes against random scripts: sound for correct functions, sharp for broken ones. */
class RandomScriptsTest {

    /** Payments of three users, watermarks and moves of the clock, in random order; some payments are late. */
    private static List<HarnessStep> randomScript(SplittableRandom random) {
        List<HarnessStep> steps = new ArrayList<>();
        long eventTime = 0;
        long watermark = Long.MIN_VALUE;
        long clock = 0;
        for (int i = 0, n = random.nextInt(1, 40); i < n; i++) {
            int kind = random.nextInt(100);
            if (kind < 60) {
                long at = eventTime + random.nextInt(-5, 15);
                steps.add(record(new Payment("u" + random.nextInt(3), random.nextInt(1, 10)), at));
                eventTime += random.nextInt(0, 5);
            } else if (kind < 85) {
                watermark = Math.max(watermark + 1, eventTime - random.nextInt(0, 10));
                steps.add(watermark(watermark));
            } else {
                clock += random.nextInt(0, 1_500);
                steps.add(processingTime(clock));
            }
        }
        return steps;
    }

    @Test
    void when_watermarks_are_inserted_after_records_then_no_record_changes_lateness_and_the_script_keeps_its_order() {
        SeededRuns.of("earliest watermarks keep lateness", 300, 10_000).forEach(seed -> {
            List<HarnessStep> script = randomScript(new SplittableRandom(seed));

            List<HarnessStep> fed = HarnessModes.withEarliestWatermarks(script);

            assertThat(lateness(fed)).isEqualTo(lateness(script));
            assertThat(recordsAndTime(fed)).isEqualTo(recordsAndTime(script));
            long last = Long.MIN_VALUE;
            for (HarnessStep step : fed) {
                if (step instanceof Watermark w) {
                    assertThat(w.timestamp()).isGreaterThan(last).isLessThan(Long.MAX_VALUE);
                    last = w.timestamp();
                }
            }
        });
    }

    @Test
    void when_a_correct_function_meets_random_scripts_then_every_mode_gives_the_same_output() {
        SeededRuns.of("correct function agrees in every mode", 60, 2_000).forEach(seed -> {
            List<HarnessStep> script = randomScript(new SplittableRandom(seed));

            OperatorHarness.verify(() -> OperatorHarness.forKeyedProcess(Payment::user, new EventTimeTotals()))
                    .input(script)
                    .expectSameOutputInEveryMode();
        });
    }

    @Test
    void when_a_function_counts_in_a_field_then_every_script_with_a_repeated_user_exposes_it() {
        SeededRuns.of("field counter caught", 60, 2_000).forEach(seed -> {
            List<HarnessStep> script = randomScript(new SplittableRandom(seed));
            List<StreamItem> right = plainOutput(script);

            if (hasRepeatedUser(script)) {
                assertThatThrownBy(() -> OperatorHarness.verify(
                                        () -> OperatorHarness.forKeyedProcess(Payment::user, new CountsInAField()))
                                .input(script)
                                .expectOutput(records(right)))
                        .isInstanceOf(AssertionError.class)
                        .hasMessageContaining("mode 'restart after every step'");
            } else {
                OperatorHarness.verify(() -> OperatorHarness.forKeyedProcess(Payment::user, new CountsInAField()))
                        .input(script)
                        .expectOutput(records(right));
            }
        });
    }

    /** The output of the correct counter, from a plain run. */
    private static List<StreamItem> plainOutput(List<HarnessStep> script) {
        try (OperatorHarness harness = OperatorHarness.forKeyedProcess(Payment::user, new CountsInState())) {
            script.forEach(harness::apply);
            harness.finish();
            return harness.output();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static List<StreamItem> records(List<StreamItem> items) {
        return items.stream().filter(item -> item instanceof TimestampedRecord).toList();
    }

    private static boolean hasRepeatedUser(List<HarnessStep> script) {
        Set<String> seen = new HashSet<>();
        for (HarnessStep step : script) {
            if (step instanceof TimestampedRecord r && !seen.add(((Payment) r.value()).user())) {
                return true;
            }
        }
        return false;
    }

    /** For each record, in order, whether the watermark had already reached it when it arrived. */
    private static List<Boolean> lateness(List<HarnessStep> steps) {
        List<Boolean> late = new ArrayList<>();
        long watermark = Long.MIN_VALUE;
        for (HarnessStep step : steps) {
            if (step instanceof Watermark w) {
                watermark = Math.max(watermark, w.timestamp());
            } else if (step instanceof TimestampedRecord r) {
                late.add(r.timestamp() <= watermark);
            }
        }
        return late;
    }

    private static List<HarnessStep> recordsAndTime(List<HarnessStep> steps) {
        return steps.stream().filter(step -> !(step instanceof Watermark)).toList();
    }
}
