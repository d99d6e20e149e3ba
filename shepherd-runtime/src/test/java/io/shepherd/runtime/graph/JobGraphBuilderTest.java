package io.shepherd.runtime.graph;

import static org.assertj.core.api.Assertions.assertThat;

import io.shepherd.api.DataStream;
import io.shepherd.api.DeadLetter;
import io.shepherd.api.ErrorPolicy;
import io.shepherd.api.StreamEnvironment;
import io.shepherd.api.internal.RunningSum;
import io.shepherd.api.plan.Partitioning;
import io.shepherd.api.sink.DiscardingSink;
import io.shepherd.runtime.LocalExecutor;
import java.util.List;
import org.junit.jupiter.api.Test;

class JobGraphBuilderTest {
    private final StreamEnvironment env = StreamEnvironment.create(new LocalExecutor()).setParallelism(2);

    private JobGraph build() {
        return JobGraphBuilder.build(env.buildPlan("graph"));
    }

    private static List<String> names(JobGraph graph) {
        return graph.vertices().stream().map(JobVertex::name).toList();
    }

    private static JobVertex vertex(JobGraph graph, String name) {
        return graph.vertices().stream().filter(v -> v.name().equals(name)).findFirst().orElseThrow(
                () -> new AssertionError("no vertex '" + name + "' in " + names(graph)));
    }

    private static List<String> edges(JobGraph graph) {
        return graph.vertices().stream()
                .flatMap(v -> v.outputs().stream())
                .map(e -> e.source().name() + " =" + e.partitioning() + (e.deadLetters() ? "(dead letters)" : "")
                        + "=> " + e.target().name())
                .toList();
    }

    @Test
    void when_operators_have_one_forward_input_each_then_they_chain_into_one_task() {
        env.fromElements(1, 2, 3).map(x -> x + 1).filter(x -> x > 1).sink(new DiscardingSink<>());
        JobGraph graph = build();
        assertThat(names(graph)).containsExactly("collection -> map -> filter -> sink");
        assertThat(graph.vertices().get(0).parallelism()).isEqualTo(2);
    }

    @Test
    void when_a_stream_is_keyed_or_rebalanced_or_changes_parallelism_then_the_chain_breaks_there() {
        env.fromElements(1, 2, 3)
                .map(x -> x).name("a")
                .keyBy(x -> x % 2).process(new RunningSum<Integer, Integer>(x -> x)).name("b")
                .map(t -> t.f1()).name("c")
                .rebalance().map(x -> x).name("d")
                .map(x -> x).name("e").setParallelism(3)
                .sink(new DiscardingSink<>()).setParallelism(3);
        JobGraph graph = build();
        assertThat(names(graph)).containsExactly("collection -> a", "b -> c", "d", "e -> sink");
        assertThat(edges(graph)).containsExactly(
                "collection -> a =HASH=> b -> c", "b -> c =REBALANCE=> d", "d =REBALANCE=> e -> sink");
        assertThat(vertex(graph, "e -> sink").parallelism()).isEqualTo(3);
    }

    @Test
    void when_a_stream_has_two_readers_then_neither_chains_onto_it() {
        DataStream<Integer> shared = env.fromElements(1, 2).map(x -> x).name("shared");
        shared.map(x -> x).name("left").sink(new DiscardingSink<>()).name("left-sink");
        shared.map(x -> x).name("right").sink(new DiscardingSink<>()).name("right-sink");
        JobGraph graph = build();
        assertThat(names(graph)).containsExactly("collection -> shared", "left -> left-sink", "right -> right-sink");
        assertThat(edges(graph)).containsExactly(
                "collection -> shared =FORWARD=> left -> left-sink",
                "collection -> shared =FORWARD=> right -> right-sink");
    }

    @Test
    void when_streams_are_unioned_then_the_union_dissolves_into_edges_from_each_input() {
        DataStream<Integer> a = env.fromElements(1).name("a");
        DataStream<Integer> b = env.fromElements(2).name("b").setParallelism(1);
        DataStream<Integer> c = env.fromElements(3).name("c");
        a.union(b, c).map(x -> x).name("m").sink(new DiscardingSink<>());
        JobGraph graph = build();
        assertThat(names(graph)).containsExactly("a", "b", "c", "m -> sink");
        assertThat(edges(graph)).containsExactly(
                "a =FORWARD=> m -> sink", "b =REBALANCE=> m -> sink", "c =FORWARD=> m -> sink");
    }

    @Test
    void when_a_union_reader_sets_partitioning_then_it_overrides_the_union_inputs() {
        DataStream<Integer> a = env.fromElements(1).name("a");
        DataStream<Integer> b = env.fromElements(2).name("b");
        DataStream<Integer> union = a.broadcast().union(b.rebalance());
        union.map(x -> x).name("default-reader").sink(new DiscardingSink<>()).name("s1");
        union.keyBy(x -> x).process(new RunningSum<Integer, Integer>(x -> x)).name("keyed")
                .sink(new DiscardingSink<>()).name("s2");
        JobGraph graph = build();
        assertThat(edges(graph)).containsExactlyInAnyOrder(
                "a =BROADCAST=> default-reader -> s1", "b =REBALANCE=> default-reader -> s1",
                "a =HASH=> keyed -> s2", "b =HASH=> keyed -> s2");
    }

    @Test
    void when_a_union_of_a_union_is_read_then_all_leaves_are_inputs() {
        DataStream<Integer> a = env.fromElements(1).name("a");
        DataStream<Integer> b = env.fromElements(2).name("b");
        DataStream<Integer> c = env.fromElements(3).name("c");
        a.union(b).union(c, a).map(x -> x).name("m").sink(new DiscardingSink<>());
        JobGraph graph = build();
        assertThat(vertex(graph, "m -> sink").inputs()).extracting(e -> e.source().name())
                .containsExactlyInAnyOrder("a", "a", "b", "c");
    }

    @Test
    void when_default_parallelism_is_too_high_for_a_source_then_it_is_capped_at_its_maximum() {
        env.setParallelism(4);
        env.fromSource(new SingleReaderSource(), "single").map(x -> x).sink(new DiscardingSink<>());
        JobGraph graph = build();
        assertThat(edges(graph)).containsExactly("single =REBALANCE=> map -> sink");
        assertThat(vertex(graph, "single").parallelism()).isEqualTo(1);
    }

    @Test
    void when_an_operator_sends_dead_letters_then_its_task_gets_an_edge_to_one_dead_letter_sink() {
        env.setDeadLetterSink(new DiscardingSink<DeadLetter>());
        env.fromElements(1, 2).map(x -> x).name("risky").errorPolicy(ErrorPolicy.DEAD_LETTER)
                .keyBy(x -> x).process(new RunningSum<Integer, Integer>(x -> x)).name("safe")
                .sink(new DiscardingSink<>());
        JobGraph graph = build();
        assertThat(names(graph)).containsExactly("collection -> risky", "safe -> sink", "dead-letters");
        assertThat(edges(graph)).contains("collection -> risky =REBALANCE(dead letters)=> dead-letters")
                .doesNotContain("safe -> sink =REBALANCE(dead letters)=> dead-letters");
        assertThat(vertex(graph, "dead-letters").parallelism()).isOne();
    }

    @Test
    void when_no_operator_sends_dead_letters_then_there_is_no_dead_letter_sink() {
        env.setDeadLetterSink(new DiscardingSink<DeadLetter>());
        env.fromElements(1).sink(new DiscardingSink<>());
        assertThat(names(build())).containsExactly("collection -> sink");
    }

    @Test
    void when_partitioning_is_resolved_then_no_edge_is_left_default() {
        DataStream<Integer> a = env.fromElements(1).name("a").setParallelism(3);
        a.map(x -> x).name("m").setParallelism(1).sink(new DiscardingSink<>()).setParallelism(1);
        JobGraph graph = build();
        assertThat(graph.vertices()).flatExtracting(JobVertex::outputs).extracting(JobEdge::partitioning)
                .doesNotContain(Partitioning.DEFAULT)
                .containsExactly(Partitioning.REBALANCE);
    }
}
