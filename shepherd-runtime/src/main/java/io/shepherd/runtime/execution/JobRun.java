package io.shepherd.runtime.execution;

import io.shepherd.api.ack.AckMetrics;
import io.shepherd.api.execution.CheckpointStats;
import io.shepherd.api.execution.JobClient;
import io.shepherd.api.execution.JobExecutionException;
import io.shepherd.api.execution.JobMetrics;
import io.shepherd.api.execution.JobResult;
import io.shepherd.api.execution.JobStatus;
import io.shepherd.api.execution.OperatorMetrics;
import io.shepherd.api.execution.Recovery;
import io.shepherd.api.plan.Operation;
import io.shepherd.api.plan.PlanNode;
import io.shepherd.common.Clock;
import io.shepherd.runtime.checkpoint.CheckpointOptions;
import io.shepherd.runtime.checkpoint.CompletedCheckpoint;
import io.shepherd.runtime.checkpoint.TaskGateway;
import io.shepherd.runtime.checkpoint.TaskId;
import io.shepherd.runtime.graph.JobGraph;
import io.shepherd.runtime.graph.JobVertex;
import io.shepherd.runtime.metrics.OperatorCounters;
import io.shepherd.runtime.operators.OperatorFailure;
import io.shepherd.runtime.task.Deployment;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A job running in this process. A supervisor thread runs each pipelined region of the job (see
 * {@link JobGraph#regions()}) as an {@link Attempt}. Without checkpoints the first task failure
 * fails the job; with checkpoints, it suspends the checkpoint coordinator, waits as the restart
 * strategy says, and redeploys only the failed region, restored from the latest completed
 * checkpoint, while the other regions run on. {@link #await} returns only after every thread of
 * the job has ended.
 */
final class JobRun implements JobClient, TaskGateway {
    private static final Logger LOG = LoggerFactory.getLogger(JobRun.class);

    private final JobGraph graph;
    private final Clock clock;
    private final int workerThreads;
    private final JobCheckpoints checkpoints;
    private final RestartBackoff backoff;
    private final List<Deployment> deployments = new CopyOnWriteArrayList<>();
    private final List<Recovery> recoveries = new CopyOnWriteArrayList<>();
    private final Thread supervisor;
    private final CountDownLatch ended = new CountDownLatch(1);
    private final CountDownLatch cancelRequested = new CountDownLatch(1);
    private final long startNanos;
    private final Map<Set<Integer>, Attempt> running = new ConcurrentHashMap<>();
    private final BlockingQueue<Attempt> endedAttempts = new LinkedBlockingQueue<>();
    private final CheckpointRouting routing;
    private volatile boolean stopped;
    private volatile JobStatus status;
    private volatile Attempt.TaskFailure failure;
    private volatile String gaveUp;
    private volatile long endNanos;

    /** @param checkpoints null for a job without checkpoints */
    JobRun(JobGraph graph, Clock clock, int workerThreads, JobCheckpoints checkpoints, RestartBackoff backoff) {
        this.graph = graph;
        this.clock = clock;
        this.workerThreads = workerThreads;
        this.checkpoints = checkpoints;
        this.backoff = backoff;
        this.routing = new CheckpointRouting(graph.vertices().stream().mapToInt(JobVertex::parallelism).sum(),
                () -> checkpoints.driver().requestCheckpoint());
        this.supervisor = new Thread(this::supervise, "shepherd-" + jobName() + "-supervisor");
        this.supervisor.setDaemon(true);
        this.startNanos = clock.nanoTime();
    }

    /** Deploys and starts every region before it returns, so the job's tasks and counters exist from then on. */
    void start() {
        if (checkpoints != null) {
            checkpoints.start(this);
            checkpoints.driver().suspend(); // no trigger before the tasks are there
        }
        for (Set<Integer> region : graph.regions()) {
            deploy(region, () -> {});
        }
        resumeCheckpoints();
        supervisor.start();
    }

    @Override
    public String jobName() {
        return graph.plan().jobName();
    }

    private void supervise() {
        try {
            while (!running.isEmpty()) {
                Attempt finished = endedAttempts.take();
                running.remove(finished.region());
                Attempt.Outcome outcome = finished.awaitEnd();
                finished.madeProgress(); // a restored attempt that failed again before any progress still counts
                if (outcome == Attempt.Outcome.STOPPED) {
                    stopped = true;
                } else if (outcome == Attempt.Outcome.FAILED) {
                    Attempt.TaskFailure failed = finished.failure();
                    if (!restart(failed)) {
                        LOG.error("job '{}': {} failed", jobName(), failed.task(), failed.cause());
                        if (cancelRequested.getCount() == 0) {
                            stopped = true;
                        } else {
                            failure = failed;
                        }
                        stopAll();
                    } else {
                        long restoredId = checkpoints.restoredCheckpointId();
                        deploy(finished.region(), () -> recoveries.add(new Recovery(failed.task().toString(),
                                String.valueOf(failed.cause()), restoredId,
                                Duration.ofNanos(clock.nanoTime() - failed.atNanos()))));
                        resumeCheckpoints();
                        // Logged once the restored attempt is on its way: the first stack trace a JVM formats
                        // takes tens of milliseconds, which the recovery need not wait for.
                        LOG.error("job '{}': {} failed; restarted from {}", jobName(), failed.task(),
                                restoredId < 0 ? "the start" : "checkpoint " + restoredId, failed.cause());
                    }
                }
            }
            status = stopped ? JobStatus.CANCELLED : JobStatus.FINISHED;
        } catch (Throwable unexpected) {
            LOG.error("job '{}': the supervisor failed", jobName(), unexpected);
            failure = new Attempt.TaskFailure(null, unexpected, clock.nanoTime());
            stopAll();
        } finally {
            awaitAll();
            if (checkpoints != null) {
                checkpoints.close(status == JobStatus.FINISHED);
            }
            endNanos = clock.nanoTime();
            ended.countDown();
        }
    }

    /** Deploys and starts one region, restored from what the checkpoints say now. */
    private void deploy(Set<Integer> region, Runnable onFirstProgress) {
        Attempt attempt = new Attempt(graph, region, clock, checkpoints == null ? null : checkpoints.services(),
                checkpoints == null ? null : checkpoints.restoreState(), workerThreads, routing::outputEnded,
                onFirstProgress, endedAttempts::add);
        deployments.add(attempt.deployment());
        routing.deployed(attempt.tasks());
        running.put(region, attempt);
        if (cancelRequested.getCount() == 0) {
            attempt.stop();
        }
        attempt.start();
    }

    private void resumeCheckpoints() {
        if (checkpoints != null) {
            checkpoints.driver().resume();
        }
    }

    private void stopAll() {
        running.values().forEach(Attempt::stop);
    }

    private void awaitAll() {
        for (Attempt attempt : List.copyOf(running.values())) {
            try {
                attempt.awaitEnd();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Decides whether and when to restart after a failure; waits the delay. False to fail the job. */
    private boolean restart(Attempt.TaskFailure failed) throws InterruptedException {
        if (checkpoints == null || cancelRequested.getCount() == 0) {
            return false;
        }
        checkpoints.driver().suspend();
        long delayMs = backoff.onFailure(clock.currentTimeMillis());
        if (delayMs == RestartBackoff.GIVE_UP) {
            gaveUp = "the restart strategy gave up after " + (backoff.restarts()) + " restarts";
            return false;
        }
        if (cancelRequested.await(delayMs, TimeUnit.MILLISECONDS)) {
            return false;
        }
        checkpoints.prepareRestore();
        return true;
    }

    @Override
    public void cancel() {
        cancelRequested.countDown();
        stopAll();
    }

    @Override
    public JobResult await() throws JobExecutionException, InterruptedException {
        ended.await();
        return result();
    }

    @Override
    public JobResult await(Duration timeout) throws JobExecutionException, InterruptedException, TimeoutException {
        if (!ended.await(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
            throw new TimeoutException("job '" + jobName() + "' still running after " + timeout);
        }
        return result();
    }

    @Override
    public List<Recovery> recoveries() {
        return List.copyOf(recoveries);
    }

    @Override
    public List<CheckpointStats> checkpoints() {
        return checkpoints == null ? List.of() : CheckpointStatistics.oldestFirst(checkpoints.driver().history());
    }

    @Override
    public CompletableFuture<String> triggerSavepoint() {
        if (checkpoints == null) {
            return JobClient.super.triggerSavepoint();
        }
        return checkpoints.driver().triggerSavepoint().thenApply(checkpoints::directoryOf);
    }

    @Override
    public CompletableFuture<String> stopWithSavepoint() {
        if (checkpoints == null) {
            return JobClient.super.stopWithSavepoint();
        }
        // Runs on the coordinator's thread as the savepoint completes, before it can trigger another
        // checkpoint: no output committed for a later checkpoint would be produced again from the savepoint.
        return checkpoints.driver().triggerSavepoint().thenApply(savepoint -> {
            cancel();
            return checkpoints.directoryOf(savepoint);
        });
    }

    private JobResult result() throws JobExecutionException, InterruptedException {
        supervisor.join();
        Attempt.TaskFailure failed = failure;
        if (failed != null) {
            String message = describe(failed) + (gaveUp != null ? " (" + gaveUp + ")" : "");
            throw new JobExecutionException(jobName(), message, failed.cause());
        }
        return new JobResult(jobName(), status, Duration.ofNanos(endNanos - startNanos), metrics(), recoveries);
    }

    private static String describe(Attempt.TaskFailure failed) {
        if (failed.cause() instanceof OperatorFailure operatorFailure) {
            return operatorFailure.getMessage();
        }
        return (failed.task() != null ? failed.task() + " failed: " : "") + failed.cause();
    }

    // Checkpoint commands, from the checkpoint driver's thread.

    @Override
    public void triggerCheckpoint(TaskId source, long checkpointId, long timestampMs, CheckpointOptions options) {
        routing.triggerCheckpoint(source, checkpointId, timestampMs, options);
    }

    @Override
    public void notifyCompleted(TaskId task, long checkpointId) {
        routing.notifyCompleted(task, checkpointId);
    }

    @Override
    public void notifyAborted(TaskId task, long checkpointId, String reason) {
        routing.notifyAborted(task, checkpointId);
    }

    /** Counters summed over every subtask of every attempt so far. */
    @Override
    public JobMetrics metrics() {
        Map<Integer, List<OperatorCounters>> byNode = new LinkedHashMap<>();
        for (Deployment deployment : deployments) {
            deployment.counters().forEach((node, counters) ->
                    byNode.computeIfAbsent(node, id -> new ArrayList<>()).addAll(counters));
        }
        List<OperatorMetrics> operators = new ArrayList<>();
        long sourceRecords = 0;
        long sinkRecords = 0;
        for (Map.Entry<Integer, List<OperatorCounters>> entry : byNode.entrySet()) {
            OperatorMetrics summed = sum(entry.getValue());
            operators.add(summed);
            Operation operation = node(entry.getKey()).operation();
            if (operation instanceof Operation.SourceOp) {
                sourceRecords += summed.recordsOut();
            } else if (operation instanceof Operation.SinkOp && !isDeadLetterNode(entry.getKey())) {
                sinkRecords += summed.recordsIn();
            }
        }
        // Ack mode has no restarts (it is exclusive with checkpoints), so its figures come from the one attempt.
        AckMetrics acking = deployments.isEmpty() ? AckMetrics.NONE : deployments.get(deployments.size() - 1).ackMetrics();
        return new JobMetrics(operators, sourceRecords, sinkRecords, acking);
    }

    private PlanNode node(int id) {
        return isDeadLetterNode(id) ? graph.deadLetterNode() : graph.plan().node(id);
    }

    private boolean isDeadLetterNode(int id) {
        return graph.deadLetterNode() != null && graph.deadLetterNode().id() == id;
    }

    private static OperatorMetrics sum(List<OperatorCounters> subtasks) {
        long in = 0;
        long out = 0;
        long failed = 0;
        long deadLetters = 0;
        long late = 0;
        for (OperatorCounters counters : subtasks) {
            in += counters.recordsIn;
            out += counters.recordsOut;
            failed += counters.recordsFailed;
            deadLetters += counters.deadLetters;
            late += counters.lateRecords;
        }
        return new OperatorMetrics(subtasks.get(0).operator, in, out, failed, deadLetters, late);
    }
}
