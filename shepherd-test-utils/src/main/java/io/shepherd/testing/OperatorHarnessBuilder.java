package io.shepherd.testing;

import io.shepherd.api.ErrorPolicy;

/**
 * Settings of an {@link OperatorHarness} beyond the defaults, from {@link OperatorHarness#builder} or
 * {@link OperatorHarness#builderForStream}. Reusable: each {@link #build} validates and ships the
 * operator again and returns a new harness.
 */
public final class OperatorHarnessBuilder {
    private final OperatorPlan plan;
    private long startProcessingTimeMs = OperatorHarness.DEFAULT_START_PROCESSING_TIME_MS;

    OperatorHarnessBuilder(OperatorPlan plan) {
        this.plan = plan;
    }

    /** The operator's name, as in messages and dead letters. */
    public OperatorHarnessBuilder name(String name) {
        plan.node().setName(name);
        return this;
    }

    public OperatorHarnessBuilder uid(String uid) {
        plan.node().setUid(uid);
        return this;
    }

    /** The operator's error policy; {@link ErrorPolicy#FAIL} unless set here or on the stream. */
    public OperatorHarnessBuilder errorPolicy(ErrorPolicy policy) {
        plan.node().setErrorPolicy(policy);
        return this;
    }

    /** How often, in processing time, a timestamp assigner emits watermarks. */
    public OperatorHarnessBuilder watermarkIntervalMs(long intervalMs) {
        plan.config().setWatermarkIntervalMs(intervalMs);
        return this;
    }

    /** What the processing-time clock shows when the harness starts. */
    public OperatorHarnessBuilder startProcessingTime(long timeMs) {
        this.startProcessingTimeMs = timeMs;
        return this;
    }

    /**
     * Validates and ships the operator as a job would, creates it and opens it.
     *
     * @throws io.shepherd.runtime.graph.InvalidJobException when a job with this operator would be
     *     rejected, e.g. because a function cannot be serialized
     */
    public OperatorHarness build() {
        return new OperatorHarness(plan.ship(), startProcessingTimeMs);
    }

    /** Verifies the operator in several modes; each mode runs on a harness from {@link #build}. */
    public OperatorVerifier verify() {
        return new OperatorVerifier(this::build);
    }
}
