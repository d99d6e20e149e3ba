package io.shepherd.runtime.operators;

import static io.shepherd.runtime.operators.OperatorHarness.Emitted.record;
import static io.shepherd.runtime.operators.OperatorHarness.Emitted.watermark;
import static org.assertj.core.api.Assertions.assertThat;

import io.shepherd.api.ErrorPolicy;
import io.shepherd.api.functions.KeySelector;
import io.shepherd.api.functions.ReduceFunction;
import io.shepherd.api.internal.CollectAll;
import io.shepherd.api.internal.EmitResult;
import io.shepherd.api.internal.ReduceAggregate;
import io.shepherd.api.plan.Operation;
import io.shepherd.api.tuple.Tuple2;
import io.shepherd.api.windowing.ProcessWindowFunction;
import io.shepherd.api.windowing.SlidingEventTimeWindows;
import io.shepherd.api.windowing.TumblingEventTimeWindows;
import io.shepherd.api.windowing.WindowAssigner;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class WindowOperatorTest {
    private static final KeySelector<Tuple2<String, Long>, String> KEY = Tuple2::f0;

    private static Operation sum(WindowAssigner assigner) {
        ReduceFunction<Tuple2<String, Long>> sum = (a, b) -> Tuple2.of(a.f0(), a.f1() + b.f1());
        return new Operation.WindowOp(KEY, assigner, new ReduceAggregate<>(sum), new EmitResult<>());
    }

    private static Tuple2<String, Long> t(String key, long value) {
        return Tuple2.of(key, value);
    }

    @Test
    void when_the_watermark_reaches_a_tumbling_windows_end_then_it_fires_once_with_its_max_timestamp()
            throws Exception {
        OperatorHarness harness = new OperatorHarness(sum(TumblingEventTimeWindows.of(Duration.ofMillis(10))));
        harness.process(t("a", 1), 0).process(t("a", 2), 9).process(t("b", 5), 3).process(t("a", 4), 10);
        harness.watermark(8);
        assertThat(harness.take()).containsExactly(watermark(8));
        harness.watermark(9);
        List<OperatorHarness.Emitted> fired = harness.take();
        assertThat(fired).containsExactlyInAnyOrder(record(t("a", 3), 9), record(t("b", 5), 9), watermark(9));
        assertThat(fired.get(2)).isEqualTo(watermark(9));
        harness.watermark(Long.MAX_VALUE);
        assertThat(harness.take()).containsExactly(record(t("a", 4), 19), watermark(Long.MAX_VALUE));
    }

    @Test
    void when_windows_are_sliding_then_a_record_counts_in_size_over_slide_windows() throws Exception {
        OperatorHarness harness = new OperatorHarness(
                sum(SlidingEventTimeWindows.of(Duration.ofMillis(30), Duration.ofMillis(10))));
        harness.process(t("a", 1), 5).process(t("a", 10), 15).process(t("a", 100), 35);
        harness.watermark(Long.MAX_VALUE);
        // Windows [-20,10) [-10,20) [0,30) [10,40) [20,50) [30,60): ends 10..60 each minus one.
        assertThat(harness.records()).hasSize(6);
        assertThat(harness.take()).containsExactlyInAnyOrder(
                record(t("a", 1), 9), record(t("a", 11), 19), record(t("a", 11), 29),
                record(t("a", 110), 39), record(t("a", 100), 49), record(t("a", 100), 59),
                watermark(Long.MAX_VALUE));
    }

    @Test
    void when_timestamps_are_negative_then_windows_still_align_to_the_epoch() throws Exception {
        OperatorHarness harness = new OperatorHarness(sum(TumblingEventTimeWindows.of(Duration.ofMillis(10))));
        harness.process(t("a", 1), -1).process(t("a", 2), -10).process(t("a", 4), -11);
        harness.watermark(Long.MAX_VALUE);
        assertThat(harness.take()).containsExactlyInAnyOrder(
                record(t("a", 3), -1), record(t("a", 4), -11), watermark(Long.MAX_VALUE));
    }

    @Test
    void when_a_record_is_behind_the_watermark_for_all_its_windows_then_it_is_dropped_and_counted_late()
            throws Exception {
        OperatorHarness harness = new OperatorHarness(
                sum(SlidingEventTimeWindows.of(Duration.ofMillis(20), Duration.ofMillis(10))));
        harness.watermark(19);
        // In [0,20) (passed) and [10,30) (open): not late, joins only the open window.
        harness.process(t("a", 1), 15);
        // In [-10,10) and [0,20): both passed.
        harness.process(t("a", 2), 5);
        harness.watermark(Long.MAX_VALUE);
        assertThat(harness.records()).containsExactly(t("a", 1));
        assertThat(harness.counters().lateRecords).isOne();
        assertThat(harness.counters().recordsIn).isEqualTo(2);
    }

    @Test
    void when_a_process_window_function_fires_then_it_sees_all_elements_key_and_window() throws Exception {
        ProcessWindowFunction<List<Tuple2<String, Long>>, String, String> describe = (key, window, lists, out) -> {
            for (List<Tuple2<String, Long>> elements : lists) {
                out.collect(key + window.start() + ".." + window.end() + "=" + elements.size());
            }
        };
        OperatorHarness harness = new OperatorHarness(new Operation.WindowOp(
                KEY, TumblingEventTimeWindows.of(Duration.ofMillis(100), Duration.ofMillis(50)),
                new CollectAll<Tuple2<String, Long>>(), describe));
        harness.process(t("k", 1), 49).process(t("k", 1), 50).process(t("k", 1), 149);
        harness.watermark(Long.MAX_VALUE);
        assertThat(harness.records()).containsExactlyInAnyOrder("k-50..50=1", "k50..150=2");
    }

    @Test
    void when_a_record_has_no_timestamp_then_the_error_says_to_assign_timestamps() throws Exception {
        OperatorHarness harness = new OperatorHarness(
                sum(TumblingEventTimeWindows.of(Duration.ofMillis(10))), ErrorPolicy.DEAD_LETTER);
        harness.process(t("a", 1));
        assertThat(harness.deadLetters).singleElement()
                .satisfies(letter -> assertThat(letter.error()).contains("assignTimestampsAndWatermarks"));
    }
}
