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
 * cancelled all the same, and the error says so; if it cannot be copied, the original is printed.
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
        String taken;
        try {
            taken = job.stopWithSavepoint().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            cancel("no savepoint was taken: " + e.getCause().getMessage());
            return;
        } catch (TimeoutException e) {
            cancel("no savepoint within " + timeout.toMillis() + " ms");
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            cancel("interrupted while waiting for the savepoint");
            return;
        }
        savepoint = copy(Path.of(taken));
        out.println("savepoint: " + savepoint);
        out.flush();
    }

    /** The copy in the savepoint directory; the original if it cannot be copied, which is still a savepoint. */
    private Path copy(Path taken) {
        try {
            return new SavepointCopy(Disk.local()).copy(taken, savepointDir);
        } catch (IOException e) {
            err.println("run: the savepoint could not be copied into " + savepointDir + " (" + e.getMessage()
                    + "); it stays in the checkpoint directory");
            err.flush();
            return taken;
        }
    }

    /** The savepoint printed: its copy, or the original when it could not be copied; null until one was taken. */
    Path savepoint() {
        return savepoint;
    }

    private void cancel(String why) {
        job.cancel();
        err.println("run: " + why + "; the job is cancelled without one");
        err.flush();
    }
}
