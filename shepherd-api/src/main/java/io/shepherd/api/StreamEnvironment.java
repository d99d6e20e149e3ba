package io.shepherd.api;

import io.shepherd.api.execution.JobClient;
import io.shepherd.api.execution.JobExecutionException;
import io.shepherd.api.execution.JobExecutor;
import io.shepherd.api.execution.JobResult;
import io.shepherd.api.internal.CollectionSource;
import io.shepherd.api.plan.LogicalPlan;
import io.shepherd.api.plan.Operation;
import io.shepherd.api.plan.PlanNode;
import io.shepherd.api.sink.Sink;
import io.shepherd.api.source.Source;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.ServiceLoader;

/**
 * Where a job is described and started. Not thread-safe: build a job from one thread.
 *
 * <pre>{@code
 * StreamEnvironment env = StreamEnvironment.create().setParallelism(2);
 * env.fromElements("a b", "b c")
 *    .flatMap((String line, Collector<String> out) -> { for (String w : line.split(" ")) out.collect(w); })
 *    .keyBy(word -> word)
 *    .count()
 *    .sink(new PrintSink<>());
 * env.execute("word count");
 * }</pre>
 */
public final class StreamEnvironment {
    private final JobExecutor executor;
    private final JobConfig config = new JobConfig();
    private final List<PlanNode> nodes = new ArrayList<>();
    private Sink<DeadLetter> deadLetterSink;

    private StreamEnvironment(JobExecutor executor) {
        this.executor = Objects.requireNonNull(executor, "executor");
    }

    /** An environment that runs jobs on the executor found on the class path (the embedded one by default). */
    public static StreamEnvironment create() {
        return new StreamEnvironment(discoverExecutor());
    }

    public static StreamEnvironment create(JobExecutor executor) {
        return new StreamEnvironment(executor);
    }

    public JobConfig config() {
        return config;
    }

    public StreamEnvironment setParallelism(int parallelism) {
        config.setParallelism(parallelism);
        return this;
    }

    public <T> DataStream<T> fromSource(Source<T> source, String name) {
        return new DataStream<>(this, addNode(name, new Operation.SourceOp(source)));
    }

    /** A bounded source over the given items, split round-robin over its subtasks. */
    public <T> DataStream<T> fromCollection(Collection<T> items) {
        return fromSource(new CollectionSource<>(List.copyOf(items)), "collection");
    }

    @SafeVarargs
    public final <T> DataStream<T> fromElements(T... items) {
        return fromCollection(Arrays.asList(items));
    }

    /** Where records go that a function failed on under {@link ErrorPolicy#DEAD_LETTER}. */
    public StreamEnvironment setDeadLetterSink(Sink<DeadLetter> sink) {
        this.deadLetterSink = Objects.requireNonNull(sink, "dead-letter sink");
        return this;
    }

    /** The job described so far; the environment is emptied for the next job. */
    public LogicalPlan buildPlan(String jobName) {
        LogicalPlan plan = new LogicalPlan(jobName, nodes, config, deadLetterSink);
        nodes.clear();
        return plan;
    }

    /** Starts the job and returns at once. */
    public JobClient executeAsync(String jobName) {
        return executor.submit(buildPlan(jobName));
    }

    /** Runs the job to its end. */
    public JobResult execute(String jobName) throws JobExecutionException, InterruptedException {
        return executeAsync(jobName).await();
    }

    PlanNode addNode(String name, Operation operation) {
        PlanNode node = new PlanNode(nodes.size(), name, operation);
        nodes.add(node);
        return node;
    }

    private static JobExecutor discoverExecutor() {
        Iterator<JobExecutor> found = ServiceLoader.load(JobExecutor.class).iterator();
        if (!found.hasNext()) {
            throw new IllegalStateException(
                    "no job executor on the class path: add the shepherd-runtime module to run jobs embedded");
        }
        return found.next();
    }
}
