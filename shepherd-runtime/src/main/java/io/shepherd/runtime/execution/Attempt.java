package io.shepherd.runtime.execution;

import io.shepherd.common.Clock;
import io.shepherd.runtime.checkpoint.TaskId;
import io.shepherd.runtime.graph.JobGraph;
import io.shepherd.runtime.task.CheckpointServices;
import io.shepherd.runtime.task.Deployment;
import io.shepherd.runtime.task.RestoredJobState;
import io.shepherd.runtime.task.Task;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * One deployment of the tasks of one region of a job on their own worker threads, from start
 * until every task is done, one failed, or it was stopped. A restart of the region is a new
 * attempt. The first task failure stops every worker; {@link #awaitEnd} returns only after all
 * worker threads have ended and closed their tasks, so an attempt leaves no thread behind.
 */
final class Attempt {
    enum Outcome {
        FINISHED,
        FAILED,
        STOPPED
    }

    record TaskFailure(Task task, Throwable cause, long atNanos) {}

    private final String jobName;
    private final Deployment deployment;
    private final Clock clock;
    private final Map<TaskId, Task> tasks = new LinkedHashMap<>();
    private final List<Thread> threads = new ArrayList<>();
    private final CountDownLatch workersExited = new CountDownLatch(1);
    private final AtomicInteger workersRunning;
    private final AtomicReference<TaskFailure> failure = new AtomicReference<>();
    private final AtomicReference<Runnable> onFirstProgress;
    private final long startNanos;
    private volatile boolean stopping;
    /** Some task was stopped before it was done. */
    private volatile boolean stoppedUnfinished;
    private volatile long endNanos;
    private final Set<Integer> region;
    private final Consumer<Attempt> onEnded;

    /**
     * @param checkpoints null for a job without checkpoints
     * @param restored the state to start from, or null
     * @param onOutputEnded with checkpoints: hears of every task whose output has ended
     * @param onFirstProgress runs once, on a worker thread, when a task first processes something
     * @param onEnded runs once, on the last worker thread to exit
     */
    Attempt(JobGraph graph, Set<Integer> region, Clock clock, CheckpointServices checkpoints, RestoredJobState restored,
            int workerThreads, Consumer<Task> onOutputEnded, Runnable onFirstProgress, Consumer<Attempt> onEnded) {
        this.jobName = graph.plan().jobName();
        this.region = region;
        this.clock = clock;
        this.onFirstProgress = new AtomicReference<>(onFirstProgress);
        this.onEnded = onEnded;
        this.deployment = Deployment.of(graph, region, clock, checkpoints, restored, onOutputEnded);
        List<Task> all = deployment.tasks();
        all.forEach(task -> tasks.put(task.id(), task));
        int workers = Math.max(1, Math.min(workerThreads, all.size()));
        this.workersRunning = new AtomicInteger(workers);
        for (int w = 0; w < workers; w++) {
            List<Task> share = new ArrayList<>();
            for (int t = w; t < all.size(); t += workers) {
                share.add(all.get(t));
            }
            Thread thread = new Thread(new Worker(share, this), "shepherd-" + jobName + "-worker-" + w);
            thread.setDaemon(true);
            threads.add(thread);
        }
        this.startNanos = clock.nanoTime();
    }

    void start() {
        threads.forEach(Thread::start);
    }

    Deployment deployment() {
        return deployment;
    }

    Set<Integer> region() {
        return region;
    }

    List<Task> tasks() {
        return List.copyOf(tasks.values());
    }

    long durationNanos() {
        return (endNanos == 0 ? clock.nanoTime() : endNanos) - startNanos;
    }

    /** Stops every worker; the attempt then ends with {@link Outcome#STOPPED} unless it was done. */
    void stop() {
        stopping = true;
    }

    /** Waits for every worker thread to have exited. */
    Outcome awaitEnd() throws InterruptedException {
        workersExited.await();
        for (Thread thread : threads) {
            thread.join();
        }
        if (failure.get() != null) {
            return Outcome.FAILED;
        }
        return stoppedUnfinished ? Outcome.STOPPED : Outcome.FINISHED;
    }

    TaskFailure failure() {
        return failure.get();
    }

    // Called by workers.

    boolean isStopping() {
        return stopping;
    }

    void fail(Task task, Throwable cause) {
        failure.compareAndSet(null, new TaskFailure(task, cause, clock.nanoTime()));
        stopping = true;
    }

    void madeProgress() {
        Runnable first = onFirstProgress.getAndSet(null);
        if (first != null) {
            first.run();
        }
    }

    void stoppedUnfinished() {
        stoppedUnfinished = true;
    }

    void workerExited() {
        if (workersRunning.decrementAndGet() == 0) {
            endNanos = clock.nanoTime();
            workersExited.countDown();
            onEnded.accept(this);
        }
    }

    String jobName() {
        return jobName;
    }

}
