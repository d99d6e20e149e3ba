package io.shepherd.runtime.execution;

import io.shepherd.api.execution.JobClient;
import io.shepherd.api.plan.LogicalPlan;
import io.shepherd.common.Clock;
import io.shepherd.runtime.graph.JobGraph;
import io.shepherd.runtime.graph.JobGraphBuilder;
import io.shepherd.runtime.task.Deployment;

/** Validates, deploys and starts a plan on local worker threads. */
public final class LocalJobLauncher {
    private LocalJobLauncher() {}

    public static JobClient launch(LogicalPlan plan, Clock clock) {
        JobGraph graph = JobGraphBuilder.build(plan);
        Deployment deployment = Deployment.of(graph, clock);
        JobRun run = new JobRun(graph, deployment, clock, plan.config().workerThreads());
        run.start();
        return run;
    }
}
