package io.shepherd.runtime.execution;

import io.shepherd.api.execution.JobClient;
import io.shepherd.api.execution.JobExecutionException;
import io.shepherd.api.execution.JobMetrics;
import io.shepherd.api.execution.JobResult;
import io.shepherd.api.execution.JobStatus;
import io.shepherd.api.execution.OperatorMetrics;
import io.shepherd.api.plan.Operation;
import io.shepherd.api.plan.PlanNode;
import io.shepherd.common.Clock;
import io.shepherd.runtime.graph.JobGraph;
import io.shepherd.runtime.metrics.OperatorCounters;
import io.shepherd.runtime.operators.OperatorFailure;
import io.shepherd.runtime.task.Deployment;
import io.shepherd.runtime.task.Task;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A job running in this process on its own worker threads. The first task failure stops every
 * worker; {@link #await} returns only after all worker threads have ended and closed their tasks,
 * so a finished job leaves no thread behind.
 */
final class JobRun implements JobClient {
    private static final Logger LOG = LoggerFactory.getLogger(JobRun.class);

    private final JobGraph graph;
    private final Deployment deployment;
    private final Clock clock;
    private final List<Thread> threads = new ArrayList<>();
    private final CountDownLatch workersExited;
    private final AtomicInteger workersRunning;
    private final AtomicReference<TaskFailure> failure = new AtomicReference<>();
    private final long startNanos;
    private volatile boolean stopping;
    private volatile boolean cancelled;
    /** Some task was stopped before it was done; with {@link #cancelled}, the job ends CANCELLED. */
    private volatile boolean stoppedUnfinished;
    private volatile long endNanos;

    private record TaskFailure(Task task, Throwable cause) {}

    JobRun(JobGraph graph, Deployment deployment, Clock clock, int workerThreads) {
        this.graph = graph;
        this.deployment = deployment;
        this.clock = clock;
        List<Task> tasks = deployment.tasks();
        int workers = Math.max(1, Math.min(workerThreads, tasks.size()));
        this.workersExited = new CountDownLatch(1);
        this.workersRunning = new AtomicInteger(workers);
        for (int w = 0; w < workers; w++) {
            List<Task> share = new ArrayList<>();
            for (int t = w; t < tasks.size(); t += workers) {
                share.add(tasks.get(t));
            }
            Thread thread = new Thread(new Worker(share, this), "shepherd-" + jobName() + "-worker-" + w);
            thread.setDaemon(true);
            threads.add(thread);
        }
        this.startNanos = clock.nanoTime();
    }

    void start() {
        threads.forEach(Thread::start);
    }

    @Override
    public String jobName() {
        return graph.plan().jobName();
    }

    boolean isStopping() {
        return stopping;
    }

    void fail(Task task, Throwable cause) {
        if (failure.compareAndSet(null, new TaskFailure(task, cause))) {
            LOG.error("job '{}': {} failed", jobName(), task, cause);
        }
        stopping = true;
    }

    void stoppedUnfinished() {
        stoppedUnfinished = true;
    }

    void closeFailed(Task task, Throwable cause) {
        LOG.warn("job '{}': closing {} failed", jobName(), task, cause);
    }

    void workerExited() {
        if (workersRunning.decrementAndGet() == 0) {
            endNanos = clock.nanoTime();
            workersExited.countDown();
        }
    }

    @Override
    public void cancel() {
        cancelled = true;
        stopping = true;
    }

    @Override
    public JobResult await() throws JobExecutionException, InterruptedException {
        workersExited.await();
        return result();
    }

    @Override
    public JobResult await(Duration timeout) throws JobExecutionException, InterruptedException, TimeoutException {
        if (!workersExited.await(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
            throw new TimeoutException("job '" + jobName() + "' still running after " + timeout);
        }
        return result();
    }

    private JobResult result() throws JobExecutionException, InterruptedException {
        for (Thread thread : threads) {
            thread.join();
        }
        TaskFailure failed = failure.get();
        if (failed != null) {
            throw new JobExecutionException(jobName(), describe(failed), failed.cause());
        }
        // A cancel that came after every task was done stopped nothing: the job finished.
        JobStatus status = cancelled && stoppedUnfinished ? JobStatus.CANCELLED : JobStatus.FINISHED;
        return new JobResult(jobName(), status, Duration.ofNanos(endNanos - startNanos), metrics());
    }

    private static String describe(TaskFailure failed) {
        if (failed.cause() instanceof OperatorFailure operatorFailure) {
            return operatorFailure.getMessage();
        }
        return failed.task() + " failed: " + failed.cause();
    }

    @Override
    public JobMetrics metrics() {
        List<OperatorMetrics> operators = new ArrayList<>();
        long sourceRecords = 0;
        long sinkRecords = 0;
        for (Map.Entry<Integer, List<OperatorCounters>> entry : deployment.counters().entrySet()) {
            OperatorMetrics summed = sum(entry.getValue());
            operators.add(summed);
            Operation operation = node(entry.getKey()).operation();
            if (operation instanceof Operation.SourceOp) {
                sourceRecords += summed.recordsOut();
            } else if (operation instanceof Operation.SinkOp && !isDeadLetterNode(entry.getKey())) {
                sinkRecords += summed.recordsIn();
            }
        }
        return new JobMetrics(operators, sourceRecords, sinkRecords);
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
