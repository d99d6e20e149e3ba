package io.shepherd.runtime.execution;

import io.shepherd.runtime.task.ProgressState;
import io.shepherd.runtime.task.Task;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One thread running a share of a job's tasks cooperatively, round robin, until they are all
 * done or the job stops. Every task it ran is closed before it exits, whatever happened.
 */
final class Worker implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(Worker.class);

    private final List<Task> tasks;
    private final Attempt job;
    private final IdleStrategy idle = new IdleStrategy();
    private boolean reportedProgress;

    Worker(List<Task> tasks, Attempt job) {
        this.tasks = tasks;
        this.job = job;
    }

    @Override
    public void run() {
        List<Task> opened = new ArrayList<>();
        try {
            for (Task task : tasks) {
                opened.add(task);
                try {
                    task.open();
                } catch (Throwable failure) {
                    job.fail(task, failure);
                    return;
                }
            }
            loop();
        } finally {
            for (Task task : opened) {
                close(task);
            }
            job.workerExited();
        }
    }

    private void loop() {
        List<Task> active = new ArrayList<>(tasks);
        while (!active.isEmpty() && !job.isStopping()) {
            boolean progress = false;
            for (int i = 0; i < active.size(); i++) {
                Task task = active.get(i);
                ProgressState state;
                try {
                    state = task.call();
                } catch (Throwable failure) {
                    job.fail(task, failure);
                    return;
                }
                if (state == ProgressState.DONE) {
                    active.remove(i--);
                }
                progress |= state != ProgressState.NO_PROGRESS;
            }
            if (progress) {
                if (!reportedProgress) {
                    reportedProgress = true;
                    job.madeProgress();
                }
                idle.reset();
            } else {
                idle.idle();
            }
        }
        if (!active.isEmpty()) {
            job.stoppedUnfinished();
        }
    }

    private void close(Task task) {
        try {
            task.close();
        } catch (Throwable failure) {
            LOG.warn("job '{}': closing {} failed", job.jobName(), task, failure);
        }
    }
}
