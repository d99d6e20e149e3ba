package io.shepherd.cli.run;

import io.shepherd.api.execution.JobClient;
import io.shepherd.common.io.Disk;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * What {@code shepherd run --savepoint-dir} does when it is told to stop: takes a savepoint and stops
 * the job ({@link JobClient#stopWithSavepoint}), copies the savepoint into the savepoint directory
 * and prints where it is, for {@code --from-savepoint}. If no savepoint can be taken the job is
 * cancelled all the same, and the error says so.
 */
final class StopWithSavepoint implements Runnable {
    private final JobClient job;
    private final Path savepointDir;
    private final Duration timeout;
    private final PrintWriter out;
    private final PrintWriter err;
    private volatile Path savepoint;

    /** @param timeout how long the savepoint may take: the job's checkpoint timeout */
    StopWithSavepoint(JobClient job, Path savepointDir, Duration timeout, PrintWriter out, PrintWriter err) {
        this.job = job;
        this.savepointDir = savepointDir;
        this.timeout = timeout;
        this.out = out;
        this.err = err;
    }

    @Override
    public void run() {
        err.println("run: stopping job '" + job.jobName() + "' with a savepoint");
        err.flush();
        try {
            String taken = job.stopWithSavepoint().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            savepoint = new SavepointCopy(Disk.local()).copy(Path.of(taken), savepointDir);
            out.println("savepoint: " + savepoint);
            out.flush();
        } catch (ExecutionException e) {
            fail("no savepoint was taken: " + e.getCause().getMessage());
        } catch (TimeoutException e) {
            fail("no savepoint within " + timeout.toMillis() + " ms");
        } catch (IOException e) {
            fail("the savepoint could not be copied into " + savepointDir + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            fail("interrupted while waiting for the savepoint");
        }
    }

    /** The savepoint in the savepoint directory; null until one was taken and copied. */
    Path savepoint() {
        return savepoint;
    }

    private void fail(String why) {
        job.cancel();
        err.println("run: " + why + "; the job is cancelled without one");
        err.flush();
    }
}
