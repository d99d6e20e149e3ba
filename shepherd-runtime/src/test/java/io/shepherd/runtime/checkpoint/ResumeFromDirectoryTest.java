package io.shepherd.runtime.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shepherd.api.StreamEnvironment;
import io.shepherd.api.checkpoint.RestartStrategy;
import io.shepherd.api.execution.JobExecutionException;
import io.shepherd.api.tuple.Tuple2;
import io.shepherd.runtime.LocalExecutor;
import io.shepherd.runtime.testing.InjectedFailures;
import io.shepherd.runtime.testing.Jobs;
import io.shepherd.runtime.testing.Multisets;
import io.shepherd.runtime.testing.PacedSource;
import io.shepherd.runtime.testing.Shared;
import io.shepherd.runtime.testing.TransactionalCollectSink;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run that dies for good (no restarts left, as if its process were killed) leaves its completed
 * checkpoints behind; the next run of the job resumes from the latest of them and the committed
 * output of both runs together is exactly that of one run without failure.
 */
class ResumeFromDirectoryTest {
    private static final long RECORDS = 40_000;
    private static final int KEYS = 7;

    @Test
    void a_new_run_resumes_from_the_latest_checkpoint_of_the_directory(@TempDir Path directory) throws Exception {
        TransactionalCollectSink<Tuple2<Long, Long>> sink = new TransactionalCollectSink<>();
        Shared<InjectedFailures> death = Shared.of(new InjectedFailures(List.of(RECORDS / 2)));

        StreamEnvironment first = job(directory, sink, death);
        first.config().checkpointing().setRestartStrategy(RestartStrategy.none());
        assertThatThrownBy(() -> Jobs.run(first, "first run")).isInstanceOf(JobExecutionException.class)
                .hasMessageContaining("injected failure");
        assertThat(sink.committed()).as("output the first run committed before it died").isNotEmpty();

        StreamEnvironment second = job(directory, sink, death);
        second.config().checkpointing().setRestoreFrom("latest");
        Jobs.run(second, "second run");

        List<Tuple2<Long, Long>> expected = new ArrayList<>();
        long[] counts = new long[KEYS];
        for (long v = 0; v < RECORDS; v++) {
            expected.add(Tuple2.of(v % KEYS, ++counts[(int) (v % KEYS)]));
        }
        Multisets.Diff<Tuple2<Long, Long>> diff = Multisets.diff(expected, sink.committed());
        assertThat(diff.isEmpty()).as("output of both runs: %s", diff).isTrue();
    }

    private static StreamEnvironment job(Path directory, TransactionalCollectSink<Tuple2<Long, Long>> sink,
            Shared<InjectedFailures> death) {
        StreamEnvironment env = StreamEnvironment.create(new LocalExecutor()).setParallelism(2);
        env.config().checkpointing().setInterval(Duration.ofMillis(10)).setDirectory(directory.toString());
        env.fromSource(new PacedSource(RECORDS, 50).holdingTailUntil(death), "numbers").uid("numbers")
                .map(v -> {
                    death.get().check(v, sink::hasCommitted);
                    return v;
                }).uid("killer")
                .keyBy(v -> v % KEYS)
                .count().uid("count")
                .sink(sink);
        return env;
    }
}
