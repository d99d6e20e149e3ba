package io.shepherd.runtime.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.shepherd.api.plan.Partitioning;
import io.shepherd.testkit.SeededRuns;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The random pipeline test is only as good as what it draws: the CI sample must cover every feature. */
class PipelineGeneratorTest {

    @Test
    void when_the_ci_sample_is_drawn_then_every_step_partitioning_and_setting_appears() {
        Set<String> seen = new TreeSet<>();
        // The same seeds (and count) as the random pipeline test's default run.
        SeededRuns.of("random pipelines against the reference", 100, 2_000).forEach(seed -> {
            Pipeline pipeline = PipelineGenerator.generate(new SplittableRandom(seed));
            seen.add(pipeline.timestamped() ? "event time" : "no event time");
            seen.add("batch size " + (pipeline.batchSize() == 1 ? "1" : "more"));
            seen.add("channel capacity " + (pipeline.channelCapacityBatches() == 2 ? "2" : "more"));
            seen.add("max parallelism " + (pipeline.maxParallelism() < 4 ? "below 4" : "4 or more"));
            for (PipelineNode node : pipeline.nodes()) {
                Step step = node.step();
                seen.add(step.getClass().getSimpleName());
                seen.add("parallelism " + pipeline.parallelismOf(node));
                node.inputs().forEach(input -> seen.add(input.partitioning().name()));
                if (step instanceof Step.Window window) {
                    seen.add(window.sliding() ? "sliding" : "tumbling");
                    seen.add(window.function().name());
                }
                if (step instanceof Step.Union && node.inputs().stream().map(PipelineNode.Input::from).distinct()
                        .count() < node.inputs().size()) {
                    seen.add("self union");
                }
                if (step instanceof Step.Source source && source.items().isEmpty()) {
                    seen.add("empty source");
                }
            }
        });
        List<String> expected = List.of("event time", "no event time", "batch size 1", "batch size more",
                "channel capacity 2", "channel capacity more", "max parallelism below 4", "max parallelism 4 or more",
                "Source", "Timestamps", "Map", "FlatMap", "Filter", "Count", "RunningReduce", "ValueStateCounter",
                "ListStateBuckets", "MapStateDistinct", "Window", "Union", "Sink",
                "parallelism 1", "parallelism 2", "parallelism 3", "parallelism 4",
                Partitioning.DEFAULT.name(), Partitioning.FORWARD.name(), Partitioning.HASH.name(),
                Partitioning.REBALANCE.name(), Partitioning.BROADCAST.name(),
                "sliding", "tumbling", "REDUCE", "AGGREGATE", "PROCESS", "self union", "empty source");
        assertThat(seen).containsAll(expected);
    }
}
