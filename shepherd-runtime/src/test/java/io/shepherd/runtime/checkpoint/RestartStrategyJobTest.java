package io.shepherd.runtime.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shepherd.api.StreamEnvironment;
import io.shepherd.api.checkpoint.RestartStrategy;
import io.shepherd.api.execution.JobClient;
import io.shepherd.api.execution.JobExecutionException;
import io.shepherd.api.sink.DiscardingSink;
import io.shepherd.runtime.LocalExecutor;
import io.shepherd.runtime.testing.Jobs;
import io.shepherd.runtime.testing.PacedSource;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A failure that comes back after every restore ends the job once the restart strategy gives up. */
class RestartStrategyJobTest {

    @Test
    void a_failure_that_repeats_fails_the_job_after_the_allowed_restarts() {
        StreamEnvironment env = StreamEnvironment.create(new LocalExecutor()).setParallelism(1);
        env.config().checkpointing().setInterval(Duration.ofMillis(10))
                .setRestartStrategy(RestartStrategy.fixedDelay(2, Duration.ofMillis(1)));
        env.fromSource(new PacedSource(1_000, 16), "numbers")
                .map(v -> {
                    if (v == 500) {
                        throw new IllegalStateException("poison record");
                    }
                    return v;
                })
                .sink(new DiscardingSink<>());
        JobClient job = env.executeAsync("always failing");

        assertThatThrownBy(() -> Jobs.await(job))
                .isInstanceOf(JobExecutionException.class)
                .hasMessageContaining("poison record")
                .hasMessageContaining("gave up after 2 restarts");
        assertThat(job.recoveries()).hasSize(2);
    }
}
