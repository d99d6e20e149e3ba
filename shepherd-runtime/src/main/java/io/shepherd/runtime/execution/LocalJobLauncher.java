package io.shepherd.runtime.execution;

import io.shepherd.api.checkpoint.CheckpointConfig;
import java.util.SplittableRandom;
import io.shepherd.api.execution.JobClient;
import io.shepherd.api.plan.LogicalPlan;
import io.shepherd.common.Clock;
import io.shepherd.runtime.graph.JobGraph;
import io.shepherd.runtime.graph.JobGraphBuilder;

/** Validates, deploys and starts a plan on local worker threads. */
public final class LocalJobLauncher {
    private LocalJobLauncher() {}

    public static JobClient launch(LogicalPlan plan, Clock clock) {
        JobGraph graph = JobGraphBuilder.build(plan);
        CheckpointConfig checkpointing = plan.config().checkpointing();
        if (!checkpointing.isEnabled() && checkpointing.restoreFrom() != null) {
            throw new IllegalArgumentException("job '" + plan.jobName() + "' is to start from " + checkpointing.restoreFrom()
                    + " but takes no checkpoints: set a checkpoint interval, or do not restore");
        }
        JobCheckpoints checkpoints = checkpointing.isEnabled() ? JobCheckpoints.open(graph, clock) : null;
        RestartBackoff backoff = new RestartBackoff(checkpointing.restartStrategy(), new SplittableRandom());
        JobRun run = new JobRun(graph, clock, plan.config().workerThreads(), checkpoints, backoff);
        run.start();
        return run;
    }
}
