package io.shepherd.api.execution;

import java.time.Duration;

/**
 * One recovery of a job from a task failure.
 *
 * @param failedTask the task that failed first
 * @param cause what it failed with
 * @param restoredCheckpoint the checkpoint the job was restored from; -1 when it restarted empty
 * @param recoveryTime from the failure to the first record processed after the restore (or, when the
 *     restored job failed again before that, to its end)
 */
public record Recovery(String failedTask, String cause, long restoredCheckpoint, Duration recoveryTime) {}
