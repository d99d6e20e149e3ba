package io.shepherd.runtime.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shepherd.api.ErrorPolicy;
import io.shepherd.api.JobConfig;
import io.shepherd.api.StreamEnvironment;
import io.shepherd.api.functions.KeySelector;
import io.shepherd.api.functions.MapFunction;
import io.shepherd.api.internal.CollectionSource;
import io.shepherd.api.internal.RunningSum;
import io.shepherd.api.plan.LogicalPlan;
import io.shepherd.api.plan.Operation;
import io.shepherd.api.plan.Partitioning;
import io.shepherd.api.plan.PlanEdge;
import io.shepherd.api.plan.PlanNode;
import io.shepherd.api.sink.CollectSink;
import io.shepherd.api.sink.DiscardingSink;
import io.shepherd.runtime.LocalExecutor;
import io.shepherd.runtime.testing.ShepherdThreads;
import java.util.List;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Jobs that cannot run are refused at submission, before any thread starts, saying what and where. */
class InvalidJobTest {
    private final StreamEnvironment env = StreamEnvironment.create(new LocalExecutor()).setParallelism(2);
    private final CollectSink<Integer> sink = new CollectSink<>();

    @AfterEach
    void nothing_ran() {
        assertThat(sink.results()).isEmpty();
        ShepherdThreads.assertNoneAlive();
        sink.clear();
    }

    private AbstractThrowableAssert<?, ? extends Throwable> assertRefused() {
        return assertThatThrownBy(() -> env.executeAsync("refused"))
                .isInstanceOf(InvalidJobException.class)
                .hasMessageStartingWith("invalid job 'refused': ");
    }

    private static AbstractThrowableAssert<?, ? extends Throwable> assertRefused(LogicalPlan plan) {
        return assertThatThrownBy(() -> new LocalExecutor().submit(plan))
                .isInstanceOf(InvalidJobException.class)
                .hasMessageStartingWith("invalid job '" + plan.jobName() + "': ");
    }

    private static final MapFunction<Integer, Integer> IDENTITY = x -> x;

    private static PlanNode node(int id, String name, Operation operation, int... inputs) {
        PlanNode node = new PlanNode(id, name, operation);
        for (int input : inputs) {
            node.addInput(new PlanEdge(input, Partitioning.DEFAULT, null));
        }
        return node;
    }

    private static PlanNode source(int id) {
        return node(id, "numbers", new Operation.SourceOp(new CollectionSource<>(List.of(1, 2, 3))));
    }

    @Test
    void when_a_job_has_no_sink_then_it_is_refused() {
        env.fromElements(1, 2).map(x -> x);
        assertRefused().hasMessageContaining("no sink").hasMessageContaining(".sink(");
    }

    @Test
    void when_a_job_has_no_operators_then_it_is_refused() {
        assertRefused().hasMessageContaining("no operators");
    }

    @Test
    void when_a_plan_has_a_cycle_then_it_is_refused_naming_an_operator_on_it() {
        LogicalPlan plan = new LogicalPlan("cyclic", List.of(
                source(0),
                node(1, "left", new Operation.MapOp(IDENTITY), 0, 2),
                node(2, "right", new Operation.MapOp(IDENTITY), 1),
                node(3, "out", new Operation.SinkOp(new DiscardingSink<>()), 2)), new JobConfig(), null);
        assertRefused(plan).hasMessageContaining("cycle").hasMessageMatching("(?s).*'(left|right)'.*");
    }

    @Test
    void when_an_operator_reads_from_a_sink_or_a_missing_node_or_nothing_then_it_is_refused() {
        assertRefused(new LogicalPlan("from-sink", List.of(
                source(0),
                node(1, "out", new Operation.SinkOp(new DiscardingSink<>()), 0),
                node(2, "after-sink", new Operation.MapOp(IDENTITY), 1),
                node(3, "out2", new Operation.SinkOp(new DiscardingSink<>()), 2)), new JobConfig(), null))
                .hasMessageContaining("'after-sink'").hasMessageContaining("sinks have no output");
        assertRefused(new LogicalPlan("dangling", List.of(
                source(0),
                node(1, "lost", new Operation.MapOp(IDENTITY), 7),
                node(2, "out", new Operation.SinkOp(new DiscardingSink<>()), 1)), new JobConfig(), null))
                .hasMessageContaining("'lost'").hasMessageContaining("#7");
        assertRefused(new LogicalPlan("orphan", List.of(
                source(0),
                node(1, "orphan", new Operation.MapOp(IDENTITY)),
                node(2, "out", new Operation.SinkOp(new DiscardingSink<>()), 0)), new JobConfig(), null))
                .hasMessageContaining("'orphan'").hasMessageContaining("no input");
    }

    @Test
    void when_a_function_captures_something_not_serializable_then_the_operator_is_named() {
        Object lock = new Object();
        env.fromElements(1, 2).map(x -> {
            synchronized (lock) {
                return x;
            }
        }).name("guarded").sink(sink);
        assertRefused().hasMessageContaining("'guarded'")
                .hasMessageContaining("cannot be serialized")
                .hasMessageContaining("java.lang.Object");
    }

    @Test
    void when_a_parallelism_below_one_is_set_then_it_is_refused_where_it_is_set() {
        assertThatThrownBy(() -> env.fromElements(1).map(x -> x).name("narrow").setParallelism(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'narrow'")
                .hasMessageContaining("at least 1, got 0");
        assertThatThrownBy(() -> env.setParallelism(-1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 1, got -1");
    }

    @Test
    void when_two_operators_share_a_uid_then_it_is_refused_naming_the_uid_and_the_second() {
        env.fromElements(1).uid("numbers").map(x -> x).name("copy").uid("numbers").sink(sink);
        assertRefused().hasMessageContaining("uid 'numbers'").hasMessageContaining("'copy'");
    }

    @Test
    void when_an_operator_sends_dead_letters_and_there_is_no_dead_letter_sink_then_it_is_refused() {
        env.fromElements(1).map(x -> x).name("parse").errorPolicy(ErrorPolicy.DEAD_LETTER).sink(sink);
        assertRefused().hasMessageContaining("'parse'").hasMessageContaining("setDeadLetterSink");
    }

    @Test
    void when_the_job_policy_is_dead_letter_and_there_is_no_dead_letter_sink_then_it_is_refused() {
        env.config().setErrorPolicy(ErrorPolicy.DEAD_LETTER);
        env.fromElements(1).sink(sink);
        assertRefused().hasMessageContaining("setDeadLetterSink");
    }

    @Test
    void when_a_forward_edge_joins_different_parallelisms_then_both_ends_are_named() {
        env.fromElements(1).name("numbers").setParallelism(2)
                .forward().map(x -> x).name("narrow").setParallelism(1)
                .sink(sink);
        assertRefused().hasMessageContaining("forward edge")
                .hasMessageContaining("'numbers'").hasMessageContaining("parallelism 2")
                .hasMessageContaining("'narrow'").hasMessageContaining("parallelism 1")
                .hasMessageContaining("rebalance()");
    }

    @Test
    void when_a_source_is_set_beyond_its_maximum_parallelism_then_it_is_refused() {
        env.fromSource(new SingleReaderSource(), "single").setParallelism(2).sink(new DiscardingSink<>());
        assertRefused().hasMessageContaining("'single'").hasMessageContaining("up to 1");
    }

    @Test
    void when_a_keyed_operator_has_an_input_not_partitioned_by_key_then_it_is_refused() {
        PlanNode keyed = new PlanNode(1, "totals", new Operation.KeyedProcessOp(
                (Integer x) -> x, new RunningSum<Integer, Integer>(x -> x)));
        keyed.addInput(new PlanEdge(0, Partitioning.REBALANCE, null));
        assertRefused(new LogicalPlan("unkeyed", List.of(
                source(0), keyed, node(2, "out", new Operation.SinkOp(new DiscardingSink<>()), 1)),
                new JobConfig(), null))
                .hasMessageContaining("'totals'").hasMessageContaining("not partitioned by key");
    }

    @Test
    void when_a_keyed_operator_is_partitioned_by_another_key_selector_then_it_is_refused() {
        KeySelector<Integer, Integer> stateKey = x -> x;
        KeySelector<Integer, Integer> partitionKey = x -> x % 2;
        PlanNode keyed = new PlanNode(1, "totals", new Operation.KeyedProcessOp(
                stateKey, new RunningSum<Integer, Integer>(x -> x)));
        keyed.addInput(new PlanEdge(0, Partitioning.HASH, partitionKey));
        assertRefused(new LogicalPlan("two keys", List.of(
                source(0), keyed, node(2, "out", new Operation.SinkOp(new DiscardingSink<>()), 1)),
                new JobConfig(), null))
                .hasMessageContaining("'totals'").hasMessageContaining("another key selector");
    }
}
