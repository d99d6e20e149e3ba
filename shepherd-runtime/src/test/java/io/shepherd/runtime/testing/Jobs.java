package io.shepherd.runtime.testing;

import io.shepherd.api.StreamEnvironment;
import io.shepherd.api.execution.JobClient;
import io.shepherd.api.execution.JobExecutionException;
import io.shepherd.api.execution.JobResult;
import java.time.Duration;
import java.util.concurrent.TimeoutException;

/** Runs jobs in tests with a deadline, so that a hung job fails its test (with its progress) instead of the build. */
public final class Jobs {
    public static final Duration DEADLINE = Duration.ofSeconds(60);

    private Jobs() {}

    /** Runs the job to its end; a job still running after {@link #DEADLINE} is cancelled and reported. */
    public static JobResult run(StreamEnvironment env, String name) throws JobExecutionException {
        return await(env.executeAsync(name));
    }

    public static JobResult await(JobClient job) throws JobExecutionException {
        try {
            return job.await(DEADLINE);
        } catch (TimeoutException e) {
            String progress = job.metrics().toString();
            job.cancel();
            throw new AssertionError("job '" + job.jobName() + "' hung; progress: " + progress, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
