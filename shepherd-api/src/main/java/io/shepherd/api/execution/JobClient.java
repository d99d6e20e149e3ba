package io.shepherd.api.execution;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeoutException;

/** A handle on a running job. Thread-safe. */
public interface JobClient {
    String jobName();

    /** A consistent-enough view of the job's counters, cheap enough to poll for progress. */
    JobMetrics metrics();

    /** Asks the job to stop; {@link #await} then returns a result with status {@code CANCELLED}. */
    void cancel();

    /**
     * Waits for the job to end.
     *
     * @throws JobExecutionException when the job failed; its message names the operator, subtask
     *     and record
     */
    JobResult await() throws JobExecutionException, InterruptedException;

    JobResult await(Duration timeout) throws JobExecutionException, InterruptedException, TimeoutException;

    /** The failures the job has recovered from so far, oldest first. */
    default List<Recovery> recoveries() {
        return List.of();
    }

    /**
     * The job's most recent checkpoints and savepoints (up to 100), oldest first, with what each
     * cost; empty for a job without checkpoints. Also available after the job ended.
     */
    default List<CheckpointStats> checkpoints() {
        return List.of();
    }

    /**
     * Takes a savepoint: a checkpoint the user owns, never deleted by the job, that a job (this one
     * or a changed one with the same operator uids) can start from. Completes with its directory.
     */
    default CompletableFuture<String> triggerSavepoint() {
        return CompletableFuture.failedFuture(new UnsupportedOperationException(
                "job '" + jobName() + "' takes no savepoints: enable checkpoints in its configuration"));
    }

    /**
     * Takes a savepoint, then stops the job; {@link #await} then returns a result with status
     * {@code CANCELLED}. Completes with the savepoint's directory. The job stops before any later
     * checkpoint can complete, so a two-phase-commit sink has committed nothing past the savepoint
     * and a job started from it goes on exactly where this one stopped. If the savepoint fails, the
     * job keeps running and the future fails.
     */
    default CompletableFuture<String> stopWithSavepoint() {
        return triggerSavepoint().thenApply(savepoint -> {
            cancel();
            return savepoint;
        });
    }
}
