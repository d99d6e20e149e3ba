package io.shepherd.runtime.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;

import io.shepherd.api.StreamEnvironment;
import io.shepherd.runtime.LocalExecutor;
import io.shepherd.runtime.testing.Jobs;
import io.shepherd.runtime.testing.TransactionalCollectSink;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A bounded job with checkpoints ends with a checkpoint taken once every task's output has ended,
 * which commits the last output: asked for at once, not at the next interval.
 */
class FinalCheckpointTest {

    @Test
    void the_final_checkpoint_is_taken_when_every_task_has_ended_and_commits_the_rest() throws Exception {
        StreamEnvironment env = StreamEnvironment.create(new LocalExecutor()).setParallelism(2);
        env.config().checkpointing().setInterval(Duration.ofHours(1));
        List<Long> input = new ArrayList<>();
        for (long v = 0; v < 5_000; v++) {
            input.add(v);
        }
        TransactionalCollectSink<Long> sink = new TransactionalCollectSink<>();
        env.fromCollection(input).rebalance().map(v -> v * 2).sink(sink);

        var result = Jobs.run(env, "bounded");

        assertThat(result.duration()).isLessThan(Duration.ofSeconds(30));
        assertThat(sink.committed()).hasSize(5_000).doesNotHaveDuplicates();
    }
}
