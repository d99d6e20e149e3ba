package io.shepherd.testing;

import static io.shepherd.testing.Items.record;
import static io.shepherd.testing.Items.watermark;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shepherd.api.DataStream;
import io.shepherd.api.DeadLetter;
import io.shepherd.api.ErrorPolicy;
import io.shepherd.api.execution.JobExecutionException;
import io.shepherd.api.execution.JobResult;
import io.shepherd.api.functions.Collector;
import io.shepherd.api.functions.FunctionContext;
import io.shepherd.api.functions.KeyedProcessFunction;
import io.shepherd.api.state.ValueState;
import io.shepherd.api.state.ValueStateDescriptor;
import io.shepherd.api.tuple.Tuple2;
import io.shepherd.api.windowing.TumblingEventTimeWindows;
import io.shepherd.testing.Payments.Payment;
import io.shepherd.testing.WindowHarnessTest.SumAmounts;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class PipelineHarnessTest {

    /** Emits "user sum @window end" for each window, keeping the user with the sum. */
    static final class LabelSums extends KeyedProcessFunction<String, Tuple2<String, Long>, String> {
        @Override
        public void processElement(Tuple2<String, Long> sum, Context<String> context, Collector<String> out) {
            out.collect(sum.f0() + " " + sum.f1() + " @" + context.timestamp());
        }
    }

    @Test
    void when_a_three_operator_job_runs_on_a_script_then_watermarks_land_where_the_script_put_them()
            throws Exception {
        PipelineHarness pipeline = PipelineHarness.create();
        DataStream<String> lines = pipeline.input(
                record("ANN 5", 1), record("bob 2", 4), record("ann 3", 8),
                watermark(10),
                record("ann 7", 3),          // behind the watermark: its window [0, 10) has fired
                record("bob 4", 12));
        CollectedOutput<Long> sums = pipeline.collect(lines
                .map((String line) -> new Payment(line.split(" ")[0].toLowerCase(), Long.parseLong(line.split(" ")[1])))
                .name("parse")
                .keyBy(Payment::user)
                .window(TumblingEventTimeWindows.of(Duration.ofMillis(10)))
                .aggregate(new SumAmounts())
                .name("sum per 10 ms")
                .filter((Long sum) -> sum >= 4)
                .name("big sums"));

        JobResult result = pipeline.run();

        // [0,10): ann 5+3 and bob 2 (filtered out) fire at the watermark, before the late record;
        // [10,20): bob 4 fires at the end of the input.
        assertThat(sums.values()).containsExactly(8L, 4L);
        assertThat(result.metrics().operator("sum per 10 ms").lateRecords()).isEqualTo(1);
        assertThat(result.metrics().operator("big sums").recordsIn()).isEqualTo(3);
    }

    @Test
    void when_sums_are_keyed_downstream_then_each_sink_gets_its_own_stream_in_order() throws Exception {
        PipelineHarness pipeline = PipelineHarness.create();
        DataStream<Payment> payments = pipeline.input(List.of(
                new Payment("ann", 1), new Payment("bob", 2), new Payment("ann", 3)));
        CollectedOutput<Tuple2<String, Long>> running = pipeline.collect(
                payments.keyBy(Payment::user).sum(Payment::amount), "running sums");
        CollectedOutput<String> users = pipeline.collect(payments.map(Payment::user), "users");

        pipeline.run();

        assertThat(running.values()).containsExactly(Tuple2.of("ann", 1L), Tuple2.of("bob", 2L), Tuple2.of("ann", 4L));
        assertThat(users.values()).containsExactly("ann", "bob", "ann");
    }

    @Test
    void when_the_job_runs_in_parallel_then_every_record_still_arrives_once() throws Exception {
        PipelineHarness pipeline = PipelineHarness.create().setParallelism(2);
        DataStream<Integer> numbers = pipeline.input(List.of(1, 2, 3, 4, 5, 6, 7, 8));
        CollectedOutput<Tuple2<Boolean, Long>> counts = pipeline.collect(
                numbers.keyBy((Integer i) -> i % 2 == 0).count());

        pipeline.run();

        assertThat(counts.values()).hasSize(8)
                .contains(Tuple2.of(true, 4L), Tuple2.of(false, 4L));
    }

    @Test
    void when_a_function_fails_under_dead_letter_then_the_pipeline_collects_the_dead_letter() throws Exception {
        PipelineHarness pipeline = PipelineHarness.create();
        CollectedOutput<Integer> parsed = pipeline.collect(pipeline.input(List.of("1", "x", "3"))
                .map(Integer::parseInt)
                .name("parse")
                .errorPolicy(ErrorPolicy.DEAD_LETTER));

        pipeline.run();

        assertThat(parsed.values()).containsExactly(1, 3);
        assertThat(pipeline.deadLetters()).extracting(DeadLetter::operator, DeadLetter::record)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("parse", "x"));
    }

    @Test
    void when_a_function_fails_under_fail_then_run_throws_naming_the_operator_and_record() {
        PipelineHarness pipeline = PipelineHarness.create();
        pipeline.collect(pipeline.input(List.of("1", "x")).map(Integer::parseInt).name("parse"));

        assertThatThrownBy(pipeline::run)
                .isInstanceOf(JobExecutionException.class)
                .hasMessageContaining("operator 'parse'")
                .hasMessageContaining("record x");
    }

    @Test
    void when_output_is_read_before_the_run_or_the_harness_is_run_twice_then_it_says_what_to_do() throws Exception {
        PipelineHarness pipeline = PipelineHarness.create();
        CollectedOutput<String> out = pipeline.collect(pipeline.input(List.of("a")));

        assertThatThrownBy(out::values).isInstanceOf(IllegalStateException.class).hasMessageContaining("run the job");
        pipeline.run();
        assertThat(out.values()).containsExactly("a");
        assertThatThrownBy(pipeline::run).isInstanceOf(IllegalStateException.class).hasMessageContaining("new harness");
    }

    /** Counts events per key and says so on each; keeps its count in state, as a job needs. */
    static final class Count extends KeyedProcessFunction<String, String, String> {
        private transient ValueState<Long> count;

        @Override
        public void open(FunctionContext context) {
            count = context.getState(new ValueStateDescriptor<>("count", Long.class));
        }

        @Override
        public void processElement(String value, Context<String> context, Collector<String> out) {
            long next = (count.value() == null ? 0 : count.value()) + 1;
            count.update(next);
            out.collect(value + next);
        }
    }

    @Test
    void when_a_script_has_records_without_timestamps_then_they_flow_like_any_others() throws Exception {
        PipelineHarness pipeline = PipelineHarness.create();
        CollectedOutput<String> out = pipeline.collect(
                pipeline.<String>input(record("a"), record("b"), record("a")).keyBy((String s) -> s).process(new Count()));

        pipeline.run();

        assertThat(out.values()).containsExactly("a1", "b1", "a2");
    }

    @Test
    void when_a_script_repeats_a_watermark_then_test_sources_refuse_it() {
        assertThatThrownBy(() -> TestSources.of(record("a", 1), watermark(5), watermark(5)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("item #3");
    }
}
