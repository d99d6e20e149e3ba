package io.shepherd.runtime.execution;

import io.shepherd.common.Clock;
import io.shepherd.runtime.checkpoint.CheckpointOptions;
import io.shepherd.runtime.checkpoint.TaskId;
import io.shepherd.runtime.graph.JobGraph;
import io.shepherd.runtime.task.CheckpointServices;
import io.shepherd.runtime.task.Deployment;
import io.shepherd.runtime.task.RestoredJobState;
import io.shepherd.runtime.task.Task;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One deployment of a job's tasks on their own worker threads, from start until every task is
 * done, one failed, or it was stopped. A restart is a new attempt. The first task failure stops
 * every worker; {@link #awaitEnd} returns only after all worker threads have ended and closed
 * their tasks, so an attempt leaves no thread behind.
 *
 * <p>Checkpoint commands reach its tasks here: triggers go to the sources and to every task whose
 * output has already ended, since no barrier can reach those any more. Tasks whose output has
 * ended stay, snapshotting their final state, until a checkpoint taken after every task ended has
 * completed: before that, a failure elsewhere could restore them to an earlier checkpoint.
 */
final class Attempt {
    enum Outcome {
        FINISHED,
        FAILED,
        STOPPED
    }

    record TaskFailure(Task task, Throwable cause, long atNanos) {}

    private record PendingTrigger(long timestampMs, CheckpointOptions options) {}

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
    // Guarded by this: checkpoints triggered and not yet over, and tasks whose output has ended.
    private final Map<Long, PendingTrigger> pendingTriggers = new LinkedHashMap<>();
    private final Set<Task> outputEnded = new HashSet<>();
    /** The first checkpoint triggered once every task's output had ended: it holds every final state. */
    private long finalCheckpoint = Long.MAX_VALUE;

    /**
     * @param checkpoints null for a job without checkpoints
     * @param restored the state to start from, or null
     * @param onFirstProgress runs once, on a worker thread, when a task first processes something
     */
    Attempt(JobGraph graph, Clock clock, CheckpointServices checkpoints, RestoredJobState restored, int workerThreads,
            Runnable onFirstProgress) {
        this.jobName = graph.plan().jobName();
        this.clock = clock;
        this.onFirstProgress = new AtomicReference<>(onFirstProgress);
        this.deployment = Deployment.of(graph, clock, checkpoints, restored, this::outputEnded);
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

    List<TaskId> sourceTasks() {
        return tasks.values().stream().filter(Task::isSource).map(Task::id).toList();
    }

    Map<TaskId, String> taskNames() {
        Map<TaskId, String> names = new LinkedHashMap<>();
        tasks.values().forEach(task -> names.put(task.id(), task.toString()));
        return names;
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
        }
    }

    String jobName() {
        return jobName;
    }

    // Checkpoint commands, from the checkpoint driver's thread.

    synchronized void triggerCheckpoint(TaskId source, long checkpointId, long timestampMs, CheckpointOptions options) {
        if (pendingTriggers.putIfAbsent(checkpointId, new PendingTrigger(timestampMs, options)) == null) {
            if (outputEnded.size() == tasks.size()) {
                finalCheckpoint = Math.min(finalCheckpoint, checkpointId);
            }
            for (Task ended : outputEnded) {
                ended.triggerCheckpoint(checkpointId, timestampMs, options);
            }
        }
        tasks.get(source).triggerCheckpoint(checkpointId, timestampMs, options);
    }

    synchronized void notifyCompleted(TaskId task, long checkpointId) {
        pendingTriggers.keySet().removeIf(id -> id <= checkpointId);
        tasks.get(task).notifyCheckpointCompleted(checkpointId, checkpointId >= finalCheckpoint);
    }

    synchronized void notifyAborted(TaskId task, long checkpointId) {
        pendingTriggers.remove(checkpointId);
        tasks.get(task).notifyCheckpointAborted(checkpointId);
    }

    /** A task's output ended: it snapshots every checkpoint under way, and every later one, when triggered directly. */
    private synchronized void outputEnded(Task task) {
        outputEnded.add(task);
        pendingTriggers.forEach((id, trigger) -> task.triggerCheckpoint(id, trigger.timestampMs(), trigger.options()));
    }
}
