package io.shepherd.runtime.savepoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shepherd.api.execution.JobResult;
import io.shepherd.api.execution.JobStatus;
import io.shepherd.api.tuple.Tuple2;
import io.shepherd.runtime.testing.Jobs;
import io.shepherd.runtime.testing.Multisets;
import io.shepherd.runtime.testing.TransactionalCollectSink;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A job whose operators do not fit the savepoint it is to start from fails when it is submitted,
 * before any task runs, with a message that names the operator, the state and what to do.
 */
class SavepointMismatchTest {
    private static final long RECORDS = 3_000;

    @TempDir
    static Path temp;

    /** Taken for the tests whose job never runs; a test that runs a job to the end takes its own with its sink. */
    private static Path savepoint;

    private final TransactionalCollectSink<Tuple2<Long, Long>> sink = new TransactionalCollectSink<>();

    @BeforeAll
    static void takeSavepoint() throws Exception {
        savepoint = takeSavepoint(new TransactionalCollectSink<>(), "taken");
    }

    /** At parallelism 2, from the job with a stateless pass-through map without a uid. */
    private static Path takeSavepoint(TransactionalCollectSink<Tuple2<Long, Long>> sink, String directory)
            throws Exception {
        return new CountJob(RECORDS, temp.resolve(directory), sink).parallelism(2).withPassThrough()
                .holdAt(RECORDS / 2).stopWithSavepointAfter(RECORDS / 4);
    }

    private CountJob restoring(String directory) {
        return new CountJob(RECORDS, temp.resolve(directory), sink).withPassThrough().parallelism(3)
                .restoreFrom(savepoint);
    }

    @Test
    void when_the_job_has_no_operator_with_a_uid_of_the_savepoint_then_it_fails_before_it_runs() {
        CountJob renamed = restoring("renamed").counterUid("counter");

        assertThatThrownBy(renamed::start).isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("cannot start job 'counts' from " + savepoint + ": ")
                .hasMessageContaining("the savepoint holds state of operator uid 'count' (operator 'count' when it was"
                        + " taken), which the job does not have: give the operator that should take it its old uid"
                        + " with .uid(\"count\")");
        assertThat(sink.committed()).isEmpty();
    }

    @Test
    void when_a_state_changed_its_type_then_the_job_fails_before_it_runs_naming_both_types() {
        CountJob retyped = restoring("retyped").counter(new CountAsText());

        assertThatThrownBy(retyped::start).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("operator 'count' (uid count) failed to open with its restored state: operator "
                        + "'count' asks for state 'count' as VALUE state of java.lang.String, but the state restored "
                        + "under that name is VALUE state of java.lang.Long");
    }

    @Test
    void when_keyBy_was_removed_before_an_operator_with_keyed_state_then_the_job_fails_before_it_runs() {
        CountJob unkeyed = restoring("unkeyed").withoutKeyBy();

        assertThatThrownBy(unkeyed::start).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("operator 'count' (uid count) cannot take its state:")
                .hasMessageContaining("holds keyed state 'count'")
                .hasMessageContaining("was keyBy removed before it?");
    }

    @Test
    void when_a_job_was_refused_then_its_checkpoint_directory_is_free_for_the_corrected_job() throws Exception {
        Path own = takeSavepoint(sink, "reused-taken");
        assertThatThrownBy(restoring("reused").restoreFrom(own).counterUid("counter")::start)
                .isInstanceOf(IllegalStateException.class);

        JobResult result = Jobs.await(restoring("reused").restoreFrom(own).start());

        assertThat(result.status()).isEqualTo(JobStatus.FINISHED);
        assertThat(Multisets.diff(CountJob.reference(RECORDS), sink.committed()).isEmpty()).isTrue();
    }

    @Test
    void when_a_stateless_operator_without_uid_is_gone_then_the_job_starts_and_its_output_is_exact() throws Exception {
        Path own = takeSavepoint(sink, "no-pass-taken");
        CountJob withoutPassThrough = new CountJob(RECORDS, temp.resolve("no-pass"), sink).parallelism(1)
                .restoreFrom(own);

        JobResult result = Jobs.await(withoutPassThrough.start());

        assertThat(result.status()).isEqualTo(JobStatus.FINISHED);
        assertThat(Multisets.diff(CountJob.reference(RECORDS), sink.committed()).isEmpty()).isTrue();
    }
}
