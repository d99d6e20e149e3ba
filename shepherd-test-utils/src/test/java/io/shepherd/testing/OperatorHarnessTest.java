package io.shepherd.testing;

import static io.shepherd.testing.Items.record;
import static io.shepherd.testing.Items.watermark;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shepherd.api.DataStream;
import io.shepherd.api.ErrorPolicy;
import io.shepherd.api.StreamEnvironment;
import io.shepherd.api.functions.Collector;
import io.shepherd.api.functions.FunctionContext;
import io.shepherd.api.functions.MapFunction;
import io.shepherd.api.functions.ProcessFunction;
import io.shepherd.api.plan.Operation;
import io.shepherd.api.plan.PlanNode;
import io.shepherd.api.sink.DiscardingSink;
import io.shepherd.api.state.ListState;
import io.shepherd.api.state.ListStateDescriptor;
import io.shepherd.api.tuple.Tuple2;
import io.shepherd.runtime.LocalExecutor;
import io.shepherd.runtime.graph.InvalidJobException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class OperatorHarnessTest {

    @Test
    void when_a_map_runs_then_each_record_keeps_its_timestamp_and_watermarks_pass_through() throws Exception {
        try (OperatorHarness harness = OperatorHarness.forMap((String s) -> s.toUpperCase())) {
            harness.processElement("a", 10);
            harness.processElement("b");
            harness.processWatermark(11);

            assertThat(harness.output()).containsExactly(record("A", 10), record("B"), watermark(11));
            assertThat(harness.<String>outputValues()).containsExactly("A", "B");
            assertThat(harness.metrics().recordsIn()).isEqualTo(2);
            assertThat(harness.metrics().recordsOut()).isEqualTo(2);
        }
    }

    @Test
    void when_flatMap_and_filter_run_then_they_emit_what_their_functions_collect() throws Exception {
        try (OperatorHarness split = OperatorHarness.forFlatMap((String line, Collector<String> out) -> {
                    for (String word : line.split(" ")) {
                        out.collect(word);
                    }
                });
                OperatorHarness shortOnes = OperatorHarness.forFilter((String word) -> word.length() < 3)) {
            split.processElement("to be or not", 7);
            for (String word : split.<String>outputValues()) {
                shortOnes.processElement(word, 7);
            }

            assertThat(split.<String>outputValues()).containsExactly("to", "be", "or", "not");
            assertThat(shortOnes.output()).containsExactly(record("to", 7), record("be", 7), record("or", 7));
        }
    }

    @Test
    void when_the_api_builds_the_operator_then_the_harness_runs_what_the_api_built() throws Exception {
        try (OperatorHarness harness = OperatorHarness.forStream((DataStream<String> s) -> s.keyBy(w -> w).count())) {
            harness.processElement("a");
            harness.processElement("b");
            harness.processElement("a");

            assertThat(harness.operatorName()).isEqualTo("count");
            assertThat(harness.<Tuple2<String, Long>>outputValues())
                    .containsExactly(Tuple2.of("a", 1L), Tuple2.of("b", 1L), Tuple2.of("a", 2L));
        }
    }

    @Test
    void when_an_operation_comes_from_a_plan_then_the_harness_runs_it() throws Exception {
        StreamEnvironment env = StreamEnvironment.create(new LocalExecutor());
        env.fromElements(1, 2).map((Integer i) -> i * 10).name("times ten").sink(new DiscardingSink<>());
        PlanNode node = env.buildPlan("plan").nodes().get(1);

        try (OperatorHarness harness = OperatorHarness.builder(node.operation()).name(node.name()).build()) {
            harness.processElement(4);

            assertThat(harness.operatorName()).isEqualTo("times ten");
            assertThat(harness.<Integer>outputValues()).containsExactly(40);
        }
    }

    @Test
    void when_the_stream_function_adds_two_operators_then_the_harness_says_to_use_a_pipeline() {
        assertThatThrownBy(() -> OperatorHarness.forStream((DataStream<String> s) -> s.map(x -> x).filter(x -> true)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("exactly one operator")
                .hasMessageContaining("PipelineHarness");
    }

    /** Not serializable, like a client or a connection a function might capture by mistake. */
    static final class Dictionary {
        String translate(String word) {
            return word;
        }
    }

    @Test
    void when_a_function_cannot_be_serialized_then_the_harness_fails_as_a_job_with_it_fails() {
        Dictionary dictionary = new Dictionary();
        MapFunction<String, String> translate = dictionary::translate;

        Throwable inHarness = org.assertj.core.api.Assertions.catchThrowable(() -> OperatorHarness.forMap(translate));
        StreamEnvironment env = StreamEnvironment.create(new LocalExecutor());
        env.fromElements("a").map(translate).sink(new DiscardingSink<>());
        Throwable inJob = org.assertj.core.api.Assertions.catchThrowable(() -> env.executeAsync("job"));

        assertThat(inHarness).isInstanceOf(InvalidJobException.class)
                .hasMessageContaining("a function of operator 'map' (#1) cannot be serialized")
                .hasMessageContaining("Dictionary");
        assertThat(inJob).isInstanceOf(InvalidJobException.class);
        assertThat(afterJobName(inHarness.getMessage())).isEqualTo(afterJobName(inJob.getMessage()));
    }

    private static String afterJobName(String message) {
        return message.substring(message.indexOf("': ") + 3);
    }

    /** Counts its calls in a field, to show which instance ran. */
    static final class CallCounter implements MapFunction<String, Integer> {
        int calls;

        @Override
        public Integer map(String value) {
            return ++calls;
        }
    }

    @Test
    void when_the_harness_runs_a_function_then_it_runs_a_shipped_copy_not_the_given_instance() throws Exception {
        CallCounter counter = new CallCounter();
        try (OperatorHarness first = OperatorHarness.forMap(counter);
                OperatorHarness second = OperatorHarness.forMap(counter)) {
            first.processElement("a");
            first.processElement("b");
            second.processElement("c");

            assertThat(first.<Integer>outputValues()).containsExactly(1, 2);
            assertThat(second.<Integer>outputValues()).containsExactly(1);
            assertThat(counter.calls).isZero();
        }
    }

    /** Keeps how many records it has seen in operator state, and tells its time. */
    static final class Numbering extends ProcessFunction<String, String> {
        private transient ListState<Long> seen;
        private transient FunctionContext context;

        @Override
        public void open(FunctionContext context) {
            this.context = context;
            seen = context.getOperatorListState(new ListStateDescriptor<>("seen", Long.class));
        }

        @Override
        public void processElement(String value, Context ctx, Collector<String> out) {
            long n = 1;
            for (Long last : seen.get()) {
                n = last + 1;
            }
            seen.update(java.util.List.of(n));
            out.collect(n + ":" + value + "@" + context.currentProcessingTime() + "/wm " + ctx.timerService()
                    .currentWatermark());
        }
    }

    @Test
    void when_a_process_function_keeps_operator_state_then_the_test_can_read_it_and_it_survives_a_restart()
            throws Exception {
        try (OperatorHarness harness = OperatorHarness.forProcess(new Numbering())) {
            harness.setProcessingTime(500);
            harness.processWatermark(3);
            harness.processElement("a");
            harness.restartKeepingState();
            harness.processElement("b");

            assertThat(harness.<Long>operatorState("seen")).containsExactly(2L);
            assertThat(harness.<String>outputValues()).containsExactly("1:a@500/wm 3", "2:b@500/wm 3");
        }
    }

    @Test
    void when_an_operator_is_not_keyed_then_asking_for_timers_or_keyed_state_says_so() throws Exception {
        try (OperatorHarness harness = OperatorHarness.forMap((String s) -> s)) {
            assertThatThrownBy(harness::registeredEventTimers)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("not on a keyed stream");
            assertThatThrownBy(() -> harness.state("k", "count"))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("not on a keyed stream");
        }
    }

    @Test
    void when_processing_time_is_moved_back_then_the_clock_refuses() throws Exception {
        try (OperatorHarness harness = OperatorHarness.forMap((String s) -> s)) {
            harness.setProcessingTime(100);

            assertThatThrownBy(() -> harness.setProcessingTime(99))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("cannot go backwards");
        }
    }

    @Test
    void when_the_harness_is_closed_then_the_function_is_closed_once_and_input_is_refused() throws Exception {
        CloseCounting.closes.set(0);
        OperatorHarness harness = OperatorHarness.forProcess(new CloseCounting());

        harness.close();
        harness.close();

        assertThat(CloseCounting.closes).hasValue(1);
        assertThatThrownBy(() -> harness.processElement("a")).isInstanceOf(IllegalStateException.class);
    }

    static final class CloseCounting extends ProcessFunction<String, String> {
        static final AtomicInteger closes = new AtomicInteger();

        @Override
        public void processElement(String value, Context ctx, Collector<String> out) {}

        @Override
        public void close() {
            closes.incrementAndGet();
        }
    }

    @Test
    void when_a_sink_is_tested_then_its_writer_gets_the_records() throws Exception {
        io.shepherd.api.sink.CollectSink<String> sink = new io.shepherd.api.sink.CollectSink<>();
        try (OperatorHarness harness = OperatorHarness.forSink(sink)) {
            harness.processElement("a", 1);
            harness.processWatermark(2);

            assertThat(sink.results()).containsExactly("a");
            assertThat(harness.output()).isEmpty();
        } finally {
            sink.clear();
        }
    }

    @Test
    void when_an_operation_is_a_source_then_the_harness_points_to_the_pipeline_harness() {
        assertThatThrownBy(() -> OperatorHarness.of(new Operation.SourceOp(TestSources.of(record("a")))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("PipelineHarness");
    }

    @Test
    void when_the_error_policy_is_set_on_the_stream_then_the_harness_applies_it() throws Exception {
        try (OperatorHarness harness = OperatorHarness.forStream(
                (DataStream<String> s) -> s.map(Integer::parseInt).errorPolicy(ErrorPolicy.SKIP))) {
            harness.processElement("x");
            harness.processElement("2");

            assertThat(harness.<Integer>outputValues()).containsExactly(2);
            assertThat(harness.metrics().recordsFailed()).isEqualTo(1);
        }
    }
}
