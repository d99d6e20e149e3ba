package io.shepherd.runtime.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.shepherd.api.plan.Partitioning;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The reference checked by hand on small pipelines, so that its own mistakes cannot pass for the engine's. */
class ReferenceInterpreterTest {

    private static PipelineNode.Input in(int from, Partitioning partitioning) {
        return new PipelineNode.Input(from, partitioning);
    }

    private static Pipeline pipeline(List<PipelineNode> nodes, boolean timestamped) {
        return new Pipeline(nodes, 2, 128, 4, 2, 1, 0, 1, timestamped);
    }

    @Test
    void when_a_union_input_is_broadcast_then_its_records_repeat_per_reader_subtask_unless_the_reader_overrides() {
        Pipeline pipeline = pipeline(List.of(
                new PipelineNode(0, new Step.Source(List.of(new Rec(1, 10, 0))), 1, List.of()),
                new PipelineNode(1, new Step.Source(List.of(new Rec(2, 20, 0))), 1, List.of()),
                new PipelineNode(2, new Step.Union(), 0,
                        List.of(in(0, Partitioning.BROADCAST), in(1, Partitioning.DEFAULT))),
                new PipelineNode(3, new Step.Sink(true, false), 3, List.of(in(2, Partitioning.DEFAULT))),
                new PipelineNode(4, new Step.Sink(true, false), 3, List.of(in(2, Partitioning.REBALANCE)))), false);
        Map<Integer, ReferenceInterpreter.Expected> expected = ReferenceInterpreter.expectedOutputs(pipeline);
        assertThat(((ReferenceInterpreter.Exact) expected.get(3)).records()).containsExactlyInAnyOrder(
                new Rec(1, 10, 0), new Rec(1, 10, 0), new Rec(1, 10, 0), new Rec(2, 20, 0));
        assertThat(((ReferenceInterpreter.Exact) expected.get(4)).records()).containsExactlyInAnyOrder(
                new Rec(1, 10, 0), new Rec(2, 20, 0));
    }

    @Test
    void when_records_are_windowed_and_bucketed_then_results_carry_the_windows_last_instant() {
        List<Rec> input = List.of(new Rec(0, 1, 3), new Rec(0, 2, 9), new Rec(1, 4, 10), new Rec(0, 8, 12));
        Pipeline pipeline = pipeline(List.of(
                new PipelineNode(0, new Step.Source(input), 1, List.of()),
                new PipelineNode(1, new Step.Timestamps(0), 1, List.of(in(0, Partitioning.DEFAULT))),
                new PipelineNode(2, new Step.Window(KeySel.field(), 10, 5, 0, Step.WindowFunction.REDUCE), 0,
                        List.of(in(1, Partitioning.HASH))),
                new PipelineNode(3, new Step.Sink(true, true), 0, List.of(in(2, Partitioning.DEFAULT))),
                new PipelineNode(4, new Step.ListStateBuckets(KeySel.field(), 10), 0,
                        List.of(in(1, Partitioning.HASH))),
                new PipelineNode(5, new Step.Sink(true, true), 0, List.of(in(4, Partitioning.DEFAULT)))), true);
        Map<Integer, ReferenceInterpreter.Expected> expected = ReferenceInterpreter.expectedOutputs(pipeline);
        // Sliding windows of 10 every 5: key 0 has ts 3 in [-5,5) [0,10); 9 in [0,10) [5,15); 12 in [5,15) [10,20).
        assertThat(((ReferenceInterpreter.Exact) expected.get(3)).records()).containsExactlyInAnyOrder(
                new Rec(0, 1, 4), new Rec(0, 3, 9), new Rec(0, 10, 14), new Rec(0, 8, 19),
                new Rec(1, 4, 14), new Rec(1, 4, 19));
        // Buckets of 10: key 0 has {1, 2} in [0,10) and {8} in [10,20); key 1 has {4} in [10,20).
        assertThat(((ReferenceInterpreter.Exact) expected.get(5)).records()).containsExactlyInAnyOrder(
                new Rec(0, 302, 9), new Rec(0, 801, 19), new Rec(1, 401, 19));
    }
}
