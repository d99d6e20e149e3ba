package io.shepherd.runtime.operators;

import static io.shepherd.runtime.operators.OperatorHarness.Emitted.record;
import static io.shepherd.runtime.operators.OperatorHarness.Emitted.watermark;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shepherd.api.DeadLetter;
import io.shepherd.api.ErrorPolicy;
import io.shepherd.api.functions.Collector;
import io.shepherd.api.functions.FilterFunction;
import io.shepherd.api.functions.FlatMapFunction;
import io.shepherd.api.functions.MapFunction;
import io.shepherd.api.functions.ProcessFunction;
import io.shepherd.api.plan.Operation;
import org.junit.jupiter.api.Test;

class StatelessOperatorsTest {

    @Test
    void when_mapping_then_each_record_becomes_one_with_its_timestamp_and_watermarks_pass() throws Exception {
        MapFunction<Integer, Integer> twice = x -> 2 * x;
        OperatorHarness harness = new OperatorHarness(new Operation.MapOp(twice));
        harness.process(1, 100).watermark(100).process(5);
        assertThat(harness.take()).containsExactly(
                record(2, 100), watermark(100), record(10, Long.MIN_VALUE));
        assertThat(harness.counters().recordsIn).isEqualTo(2);
        assertThat(harness.counters().recordsOut).isEqualTo(2);
    }

    @Test
    void when_filtering_then_only_kept_records_are_counted_out() throws Exception {
        FilterFunction<Integer> even = x -> x % 2 == 0;
        OperatorHarness harness = new OperatorHarness(new Operation.FilterOp(even));
        for (int i = 0; i < 5; i++) {
            harness.process(i, i);
        }
        assertThat(harness.take()).containsExactly(record(0, 0), record(2, 2), record(4, 4));
        assertThat(harness.counters().recordsIn).isEqualTo(5);
        assertThat(harness.counters().recordsOut).isEqualTo(3);
    }

    @Test
    void when_flat_mapping_then_every_output_carries_the_input_timestamp() throws Exception {
        FlatMapFunction<Integer, Integer> repeat = (x, out) -> {
            for (int i = 0; i < x; i++) {
                out.collect(x);
            }
        };
        OperatorHarness harness = new OperatorHarness(new Operation.FlatMapOp(repeat));
        harness.process(2, 7).process(0, 8).process(1, 9);
        assertThat(harness.take()).containsExactly(record(2, 7), record(2, 7), record(1, 9));
        assertThat(harness.counters().recordsOut).isEqualTo(3);
    }

    /** Describes each record with what its context shows; a record "timer" tries to set a timer. */
    static final class DescribeAndTryTimer extends ProcessFunction<String, String> {
        @Override
        public void processElement(String value, Context context, Collector<String> out) {
            out.collect(value + "@" + context.timestamp() + "/wm" + context.timerService().currentWatermark());
            if (value.equals("timer")) {
                context.timerService().registerEventTimeTimer(5);
            }
        }
    }

    @Test
    void when_a_process_function_runs_then_it_sees_timestamp_and_watermark_but_cannot_set_timers() throws Exception {
        OperatorHarness harness =
                new OperatorHarness(new Operation.ProcessOp(new DescribeAndTryTimer()), ErrorPolicy.DEAD_LETTER);
        harness.process("a", 3).watermark(4).process("b", 6).process("timer", 7);
        assertThat(harness.records()).containsExactly(
                "a@3/wm" + Long.MIN_VALUE, "b@6/wm4", "timer@7/wm4");
        assertThat(harness.deadLetters).singleElement().satisfies(letter -> {
            assertThat(letter.record()).isEqualTo("timer");
            assertThat(letter.error()).contains("UnsupportedOperationException").contains("keyBy");
        });
    }

    @Test
    void when_a_function_throws_under_fail_then_the_failure_names_operator_subtask_and_record() throws Exception {
        MapFunction<String, String> failing = x -> {
            throw new IllegalArgumentException("bad input " + x);
        };
        OperatorHarness harness = new OperatorHarness(new Operation.MapOp(failing));
        assertThatThrownBy(() -> harness.process("poison", 1))
                .isInstanceOf(OperatorFailure.class)
                .hasMessageContaining("operator 'op' (subtask 0)")
                .hasMessageContaining("record poison")
                .hasMessageContaining("bad input poison")
                .hasCauseInstanceOf(IllegalArgumentException.class);
        assertThat(harness.counters().recordsFailed).isOne();
    }

    @Test
    void when_a_function_throws_under_skip_then_the_record_is_dropped_and_counted() throws Exception {
        MapFunction<Integer, Integer> inverse = x -> 100 / x;
        OperatorHarness harness = new OperatorHarness(new Operation.MapOp(inverse), ErrorPolicy.SKIP);
        harness.process(5).process(0).process(10);
        assertThat(harness.records()).containsExactly(20, 10);
        assertThat(harness.counters().recordsFailed).isOne();
        assertThat(harness.counters().deadLetters).isZero();
    }

    @Test
    void when_a_function_throws_under_dead_letter_then_the_letter_holds_record_error_and_timestamp() throws Exception {
        MapFunction<Integer, Integer> inverse = x -> 100 / x;
        OperatorHarness harness = new OperatorHarness(new Operation.MapOp(inverse), ErrorPolicy.DEAD_LETTER);
        harness.process(5, 1).process(0, 2).process(10, 3);
        assertThat(harness.records()).containsExactly(20, 10);
        assertThat(harness.deadLetters).containsExactly(
                new DeadLetter("op", 0, 0, "java.lang.ArithmeticException: / by zero", 2));
        assertThat(harness.counters().recordsFailed).isOne();
        assertThat(harness.counters().deadLetters).isOne();
    }
}
