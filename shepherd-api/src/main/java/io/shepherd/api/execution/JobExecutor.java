package io.shepherd.api.execution;

import io.shepherd.api.plan.LogicalPlan;

/**
 * Runs plans. The API finds an implementation with {@link java.util.ServiceLoader}; the embedded
 * one comes with {@code shepherd-runtime}.
 */
public interface JobExecutor {
    /**
     * Validates the plan and starts it. Invalid plans are rejected here, before anything runs, with
     * an {@link IllegalArgumentException} that names the offending operator.
     */
    JobClient submit(LogicalPlan plan);
}
