package io.shepherd.testing.example;

import static io.shepherd.testing.Items.record;
import static io.shepherd.testing.Items.watermark;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import io.shepherd.api.DataStream;
import io.shepherd.api.functions.Collector;
import io.shepherd.api.functions.FunctionContext;
import io.shepherd.api.functions.KeyedProcessFunction;
import io.shepherd.api.state.MapState;
import io.shepherd.api.state.MapStateDescriptor;
import io.shepherd.testing.CollectedOutput;
import io.shepherd.testing.OperatorHarness;
import io.shepherd.testing.PipelineHarness;
import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The example of docs/testing-your-functions.md; keep the two in step. */
class SpendingLimitTest {

    record Payment(String user, long amount) implements Serializable {}

    /**
     * Alerts once when a user's payments within one minute of event time pass a limit. Minutes are
     * aligned to the epoch; each minute's total is kept in keyed state until the watermark passes
     * the minute's end.
     */
    static final class SpendingLimit extends KeyedProcessFunction<String, Payment, String> {
        static final long MINUTE_MS = 60_000;
        static final MapStateDescriptor<Long, Long> SPENT =
                new MapStateDescriptor<>("spent", Long.class, Long.class);

        private final long limit;
        private transient MapState<Long, Long> spent;

        SpendingLimit(long limit) {
            this.limit = limit;
        }

        @Override
        public void open(FunctionContext context) {
            spent = context.getMapState(SPENT);
        }

        @Override
        public void processElement(Payment payment, Context<String> context, Collector<String> out) {
            long minute = Math.floorDiv(context.timestamp(), MINUTE_MS);
            long before = spent.contains(minute) ? spent.get(minute) : 0;
            long now = before + payment.amount();
            spent.put(minute, now);
            context.timerService().registerEventTimeTimer((minute + 1) * MINUTE_MS - 1);
            if (before <= limit && now > limit) {
                out.collect(payment.user() + " spent " + now + " in minute " + minute);
            }
        }

        @Override
        public void onTimer(long timestamp, OnTimerContext<String> context, Collector<String> out) {
            spent.remove(Math.floorDiv(timestamp, MINUTE_MS));
        }
    }

    @Test
    void when_a_user_passes_the_limit_within_a_minute_then_one_alert_is_emitted() throws Exception {
        try (OperatorHarness harness = OperatorHarness.forKeyedProcess(Payment::user, new SpendingLimit(100))) {
            harness.processElement(new Payment("ann", 60), 1_000);
            harness.processElement(new Payment("bob", 70), 2_000);
            harness.processElement(new Payment("ann", 50), 30_000);
            harness.processElement(new Payment("ann", 10), 40_000);

            assertThat(harness.output()).containsExactly(record("ann spent 110 in minute 0", 30_000));
            assertThat(harness.state("ann", SpendingLimit.SPENT)).containsExactly(entry(0L, 120L));
            assertThat(harness.eventTimers("ann")).containsExactly(59_999L);

            harness.processWatermark(60_000);

            assertThat(harness.keysWithState("spent")).isEmpty();
            assertThat(harness.registeredEventTimers()).isZero();
        }
    }

    @Test
    void when_checked_every_way_then_the_function_gives_the_same_alerts() {
        OperatorHarness.verify(() -> OperatorHarness.forKeyedProcess(Payment::user, new SpendingLimit(100)))
                .input(record(new Payment("ann", 60), 1_000),
                        record(new Payment("ann", 50), 59_000),
                        watermark(59_999),
                        record(new Payment("ann", 50), 61_000),
                        record(new Payment("ann", 70), 62_000),
                        record(new Payment("bob", 20), 30_000))
                .expectOutput(record("ann spent 110 in minute 0", 59_000),
                        record("ann spent 120 in minute 1", 62_000));
    }

    /** The same, with the totals in a field: right in a plain run, wrong once the job restarts. */
    static final class SpendingLimitInAField extends KeyedProcessFunction<String, Payment, String> {
        private final Map<String, Long> spent = new HashMap<>();

        @Override
        public void processElement(Payment payment, Context<String> context, Collector<String> out) {
            long before = spent.getOrDefault(payment.user(), 0L);
            long now = before + payment.amount();
            spent.put(payment.user(), now);
            if (before <= 100 && now > 100) {
                out.collect(payment.user() + " spent " + now + " in minute 0");
            }
        }
    }

    @Test
    void when_totals_live_in_a_field_then_verify_names_the_restart_that_loses_them() {
        assertThatThrownBy(() -> OperatorHarness.verify(
                                () -> OperatorHarness.forKeyedProcess(Payment::user, new SpendingLimitInAField()))
                        .input(record(new Payment("ann", 60), 1_000), record(new Payment("ann", 50), 2_000))
                        .expectOutput(record("ann spent 110 in minute 0", 2_000)))
                .hasMessageContaining("mode 'restart after every step'")
                .hasMessageContaining("keeps something in a field instead of in state");
    }

    @Test
    void when_the_whole_job_runs_then_alerts_come_out_of_the_sink() throws Exception {
        PipelineHarness pipeline = PipelineHarness.create();
        DataStream<String> lines = pipeline.input(
                record("ann 60", 1_000), record("ann 50", 2_000), watermark(60_000), record("ann 50", 3_000));
        CollectedOutput<String> alerts = pipeline.collect(lines
                .map((String line) -> new Payment(line.split(" ")[0], Long.parseLong(line.split(" ")[1])))
                .keyBy(Payment::user)
                .process(new SpendingLimit(100)));

        pipeline.run();

        // The watermark closed minute 0, so the late payment at 3 s starts it afresh and stays under the limit.
        assertThat(alerts.values()).containsExactly("ann spent 110 in minute 0");
    }
}
