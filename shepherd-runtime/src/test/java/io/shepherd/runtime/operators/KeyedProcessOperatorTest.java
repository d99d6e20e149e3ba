package io.shepherd.runtime.operators;

import static io.shepherd.runtime.operators.OperatorHarness.Emitted.record;
import static io.shepherd.runtime.operators.OperatorHarness.Emitted.watermark;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shepherd.api.ErrorPolicy;
import io.shepherd.api.functions.Collector;
import io.shepherd.api.functions.FunctionContext;
import io.shepherd.api.functions.KeySelector;
import io.shepherd.api.functions.KeyedProcessFunction;
import io.shepherd.api.plan.Operation;
import io.shepherd.api.state.ListState;
import io.shepherd.api.state.ListStateDescriptor;
import io.shepherd.api.state.ValueState;
import io.shepherd.api.state.ValueStateDescriptor;
import io.shepherd.runtime.partition.NullKeyException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class KeyedProcessOperatorTest {
    private static final KeySelector<String, String> FIRST_LETTER = value -> value.substring(0, 1);

    /**
     * Keeps each key's records in list state, counts them in value state, and on each event-time
     * timer emits the key's buffered records; a record "x-del" deletes the key's timer at 100.
     */
    static final class Buffering extends KeyedProcessFunction<String, String, String> {
        private transient ListState<String> buffer;
        private transient ValueState<Long> count;

        @Override
        public void open(FunctionContext context) {
            buffer = context.getListState(new ListStateDescriptor<>("buffer", String.class));
            count = context.getState(new ValueStateDescriptor<>("count", Long.class));
        }

        @Override
        public void processElement(String value, Context<String> context, Collector<String> out) {
            buffer.add(value);
            count.update(count.value() == null ? 1 : count.value() + 1);
            context.timerService().registerEventTimeTimer(100);
            if (value.endsWith("-del")) {
                context.timerService().deleteEventTimeTimer(100);
            }
        }

        @Override
        public void onTimer(long timestamp, OnTimerContext<String> context, Collector<String> out) {
            List<String> values = new ArrayList<>();
            buffer.get().forEach(values::add);
            out.collect(context.currentKey() + ":" + values + "#" + count.value() + "@" + timestamp + "/"
                    + context.timeDomain() + "/ts" + context.timestamp());
            buffer.clear();
        }
    }

    @Test
    void when_the_watermark_passes_a_timer_then_it_fires_once_per_key_with_that_keys_state() throws Exception {
        OperatorHarness harness = new OperatorHarness(new Operation.KeyedProcessOp(FIRST_LETTER, new Buffering()));
        harness.process("a1", 10).process("b1", 20).process("a2", 30).process("c-del", 40);
        harness.watermark(99);
        assertThat(harness.take()).containsExactly(watermark(99));
        harness.watermark(100);
        List<OperatorHarness.Emitted> fired = harness.take();
        assertThat(fired).containsExactlyInAnyOrder(
                record("a:[a1, a2]#2@100/EVENT_TIME/ts100", 100),
                record("b:[b1]#1@100/EVENT_TIME/ts100", 100),
                watermark(100));
        // Timer output goes out before the watermark that fired it, or it would be late downstream.
        assertThat(fired.get(fired.size() - 1)).isEqualTo(watermark(100));
        harness.watermark(Long.MAX_VALUE);
        assertThat(harness.take()).containsExactly(watermark(Long.MAX_VALUE));
    }

    /** Registers an event-time timer at the record's number; emits the timer's time when it fires. */
    static final class TimerAtValue extends KeyedProcessFunction<Long, Long, Long> {
        @Override
        public void processElement(Long value, Context<Long> context, Collector<Long> out) {
            context.timerService().registerEventTimeTimer(value);
        }

        @Override
        public void onTimer(long timestamp, OnTimerContext<Long> context, Collector<Long> out) {
            out.collect(timestamp);
            if (timestamp % 10 == 3) {
                // A timer set while timers fire, already due: it fires in the same round, in order.
                context.timerService().registerEventTimeTimer(timestamp + 1);
            }
        }
    }

    @Test
    void when_many_timers_are_due_at_once_then_they_fire_in_timestamp_order() throws Exception {
        KeySelector<Long, Long> mod7 = value -> value % 7;
        OperatorHarness harness = new OperatorHarness(new Operation.KeyedProcessOp(mod7, new TimerAtValue()));
        List<Long> values = new ArrayList<>();
        for (long v = 0; v < 60; v++) {
            values.add((v * 37) % 60);
        }
        values.forEach(v -> harness.process(v, v));
        harness.watermark(25).watermark(70);
        List<Object> fired = harness.records();
        assertThat(fired).isSorted();
        // 0..59 once each, plus x4 for every x3 (the timer registered while firing), where x4 was set already.
        assertThat(fired).hasSize(60 + 6);
    }

    /** Sets a processing-time timer 50 ms ahead on a key's first record. */
    static final class Timeout extends KeyedProcessFunction<String, String, String> {
        private transient ValueState<String> first;

        @Override
        public void open(FunctionContext context) {
            first = context.getState(new ValueStateDescriptor<>("first", String.class));
        }

        @Override
        public void processElement(String value, Context<String> context, Collector<String> out) {
            if (first.value() == null) {
                first.update(value);
                context.timerService().registerProcessingTimeTimer(
                        context.timerService().currentProcessingTime() + 50);
            }
        }

        @Override
        public void onTimer(long timestamp, OnTimerContext<String> context, Collector<String> out) {
            out.collect(context.currentKey() + ":" + first.value() + "/" + context.timeDomain());
        }
    }

    @Test
    void when_the_clock_reaches_a_processing_time_timer_then_it_fires_with_its_key_and_no_event_time()
            throws Exception {
        OperatorHarness harness = new OperatorHarness(new Operation.KeyedProcessOp(FIRST_LETTER, new Timeout()));
        harness.process("a1", 5);
        harness.advanceMillis(30).process("b1", 6).process("a2", 7);
        harness.advanceMillis(19);
        assertThat(harness.take()).isEmpty();
        harness.advanceMillis(1);
        assertThat(harness.take()).containsExactly(record("a:a1/PROCESSING_TIME", Long.MIN_VALUE));
        harness.watermark(Long.MAX_VALUE);
        assertThat(harness.take()).as("processing-time timers do not fire on watermarks")
                .containsExactly(watermark(Long.MAX_VALUE));
        harness.advanceMillis(30);
        assertThat(harness.records()).containsExactly("b:b1/PROCESSING_TIME");
    }

    @Test
    void when_the_key_selector_returns_null_then_the_job_fails_whatever_the_policy() throws Exception {
        KeySelector<String, String> nullKey = value -> null;
        OperatorHarness harness = new OperatorHarness(
                new Operation.KeyedProcessOp(nullKey, new Timeout()), ErrorPolicy.SKIP);
        assertThatThrownBy(() -> harness.process("orphan"))
                .isInstanceOf(NullKeyException.class)
                .hasMessageContaining("'op'")
                .hasMessageContaining("orphan");
    }
}
