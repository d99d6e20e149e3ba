package io.shepherd.runtime.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.shepherd.api.StreamEnvironment;
import io.shepherd.api.execution.JobClient;
import io.shepherd.api.execution.JobResult;
import io.shepherd.api.execution.JobStatus;
import io.shepherd.api.sink.CollectSink;
import io.shepherd.runtime.LocalExecutor;
import io.shepherd.runtime.testing.ShepherdThreads;
import io.shepherd.testkit.SeededRuns;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

/**
 * Property test of the whole runtime: random pipelines over random input at random parallelism,
 * batching and channel capacity, each compared with a sequential reference of the same semantics.
 * A failure names the seed (replay it with {@code -Dshepherd.seed=N}), prints the pipeline, and
 * lists, per sink, exactly the records missing and the records extra.
 */
class RandomPipelineTest {

    @Test
    void when_random_pipelines_run_then_every_sink_receives_what_the_reference_computes() {
        SeededRuns.of("random pipelines against the reference", 100, 2_000).forEach(seed -> {
            Pipeline pipeline = PipelineGenerator.generate(new SplittableRandom(seed));
            Map<Integer, ReferenceInterpreter.Expected> expected = ReferenceInterpreter.expectedOutputs(pipeline);
            StreamEnvironment env = StreamEnvironment.create(new LocalExecutor());
            Map<Integer, CollectSink<Rec>> sinks = PipelineJob.describe(pipeline, env);
            try {
                JobResult result = run(env.executeAsync("random-" + seed), pipeline);
                StringBuilder problems = new StringBuilder();
                long sinkRecords = 0;
                for (Map.Entry<Integer, CollectSink<Rec>> sink : sinks.entrySet()) {
                    List<Rec> actual = sink.getValue().results();
                    sinkRecords += actual.size();
                    String problem = SinkCheck.problems(expected.get(sink.getKey()), actual);
                    if (!problem.isEmpty()) {
                        problems.append("\n  sink #").append(sink.getKey()).append(": ").append(problem);
                    }
                }
                assertThat(problems.toString()).as("%s\nwrong output:", pipeline).isEmpty();
                assertThat(result.status()).as("%s", pipeline).isEqualTo(JobStatus.FINISHED);
                assertThat(result.metrics().sinkRecords()).as("sink records counted\n%s", pipeline)
                        .isEqualTo(sinkRecords);
                assertThat(result.metrics().sourceRecords()).as("source records counted\n%s", pipeline)
                        .isEqualTo(pipeline.nodes().stream()
                                .filter(node -> node.step() instanceof Step.Source)
                                .mapToLong(node -> ((Step.Source) node.step()).items().size())
                                .sum());
                ShepherdThreads.assertNoneAlive();
            } finally {
                sinks.values().forEach(CollectSink::clear);
            }
        });
    }

    /** Awaits the job; one that hangs is cancelled and reported with its pipeline and progress. */
    private static JobResult run(JobClient job, Pipeline pipeline) {
        try {
            return job.await(Duration.ofSeconds(60));
        } catch (TimeoutException e) {
            String progress = job.metrics().toString();
            job.cancel();
            throw new AssertionError("job hung; progress " + progress + "\n" + pipeline, e);
        } catch (Exception e) {
            throw new AssertionError("job failed: " + e.getMessage() + "\n" + pipeline, e);
        }
    }
}
