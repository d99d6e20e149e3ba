package io.shepherd.api.execution;

import java.time.Duration;
import java.util.List;

/** How a job ended, what it counted on the way, and the failures it recovered from. */
public record JobResult(String jobName, JobStatus status, Duration duration, JobMetrics metrics,
        List<Recovery> recoveries) {

    public JobResult {
        recoveries = List.copyOf(recoveries);
    }

    public JobResult(String jobName, JobStatus status, Duration duration, JobMetrics metrics) {
        this(jobName, status, duration, metrics, List.of());
    }
}
