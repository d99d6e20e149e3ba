package io.shepherd.runtime.savepoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shepherd.api.StreamEnvironment;
import io.shepherd.api.execution.JobClient;
import io.shepherd.api.execution.JobResult;
import io.shepherd.api.execution.JobStatus;
import io.shepherd.api.sink.DiscardingSink;
import io.shepherd.api.tuple.Tuple2;
import io.shepherd.runtime.LocalExecutor;
import io.shepherd.runtime.checkpoint.CheckpointLayout;
import io.shepherd.runtime.testing.Jobs;
import io.shepherd.runtime.testing.Multisets;
import io.shepherd.runtime.testing.TransactionalCollectSink;
import io.shepherd.testkit.SeededRuns;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A job with keyed state and a replayable source is stopped with a savepoint part way through its
 * input, at a point drawn from a seed, and a new job at another parallelism (1 to 4) starts from the
 * savepoint and runs to the end. Its two-phase-commit sink must then hold exactly the output of one
 * run without a stop: keys went to their new subtasks with their counts, the source's splits were
 * dealt out again, nothing after the savepoint was committed by the first job.
 */
class SavepointRoundTripTest {
    @TempDir
    Path temp;

    @Test
    void when_a_job_restarts_from_a_savepoint_at_another_parallelism_then_its_output_is_exactly_the_reference() {
        SeededRuns.of("savepoint round trip", 5, 200).forEach(this::roundTrip);
    }

    private void roundTrip(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        long count = 6_000 + random.nextInt(6_000);
        long holdAt = count / 4 + random.nextLong(count / 2);
        long stopAfter = 1 + random.nextLong(holdAt);
        int before = 1 + random.nextInt(CountJob.SPLITS);
        int after = 1 + (before + random.nextInt(CountJob.SPLITS - 1)) % CountJob.SPLITS;
        Duration interval = Duration.ofMillis(5 + random.nextInt(40));
        TransactionalCollectSink<Tuple2<Long, Long>> sink = new TransactionalCollectSink<>();
        try {
            Path savepoint = new CountJob(count, temp.resolve(seed + "-before"), sink).parallelism(before)
                    .holdAt(holdAt).checkpointInterval(interval).stopWithSavepointAfter(stopAfter);
            assertThat(savepoint.resolve(CheckpointLayout.METADATA_FILE)).isRegularFile();

            JobResult result = Jobs.await(new CountJob(count, temp.resolve(seed + "-after"), sink).parallelism(after)
                    .checkpointInterval(interval).restoreFrom(savepoint).start());

            assertThat(result.status()).isEqualTo(JobStatus.FINISHED);
            assertThat(result.metrics().sourceRecords()).as("records read after the savepoint")
                    .isLessThanOrEqualTo(count - stopAfter);
            Multisets.Diff<Tuple2<Long, Long>> diff = Multisets.diff(CountJob.reference(count), sink.committed());
            assertThat(diff.isEmpty()).as("output of parallelism %d, then %d from the savepoint: %s", before, after,
                    diff).isTrue();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void when_a_savepoint_is_moved_then_a_job_still_starts_from_it() throws Exception {
        TransactionalCollectSink<Tuple2<Long, Long>> sink = new TransactionalCollectSink<>();
        Path taken = new CountJob(3_000, temp.resolve("before"), sink).parallelism(2).holdAt(1_500)
                .stopWithSavepointAfter(1_000);
        Path moved = Files.move(taken, Files.createDirectories(temp.resolve("kept")).resolve("sp"));

        JobResult result = Jobs.await(new CountJob(3_000, temp.resolve("after"), sink).parallelism(3)
                .restoreFrom(moved).start());

        assertThat(result.status()).isEqualTo(JobStatus.FINISHED);
        assertThat(Multisets.diff(CountJob.reference(3_000), sink.committed()).isEmpty()).isTrue();
    }

    @Test
    void when_a_job_has_no_checkpoints_then_stop_with_savepoint_fails_and_the_job_runs_on() throws Exception {
        StreamEnvironment env = StreamEnvironment.create(new LocalExecutor());
        env.fromCollection(LongStream.range(0, 1_000).boxed().toList()).sink(new DiscardingSink<>());
        JobClient job = env.executeAsync("no checkpoints");

        assertThatThrownBy(() -> job.stopWithSavepoint().get()).isInstanceOf(ExecutionException.class)
                .hasMessageContaining("job 'no checkpoints' takes no savepoints: enable checkpoints");
        assertThat(Jobs.await(job).status()).isEqualTo(JobStatus.FINISHED);
    }
}
