package io.shepherd.api.execution;

import java.time.Duration;

/** How a job ended and what it counted on the way. */
public record JobResult(String jobName, JobStatus status, Duration duration, JobMetrics metrics) {}
