package io.shepherd.runtime;

import io.shepherd.api.execution.JobClient;
import io.shepherd.api.execution.JobExecutor;
import io.shepherd.api.plan.LogicalPlan;
import io.shepherd.common.Clock;
import io.shepherd.runtime.execution.LocalJobLauncher;

/**
 * Runs jobs embedded in this JVM: every task on a small pool of worker threads, channels as
 * in-memory queues. The default executor ({@code StreamEnvironment.create()} finds it).
 */
public final class LocalExecutor implements JobExecutor {
    private final Clock clock;

    public LocalExecutor() {
        this(Clock.system());
    }

    /** An executor whose processing time comes from {@code clock} (a simulated one in tests). */
    public LocalExecutor(Clock clock) {
        this.clock = clock;
    }

    @Override
    public JobClient submit(LogicalPlan plan) {
        return LocalJobLauncher.launch(plan, clock);
    }
}
