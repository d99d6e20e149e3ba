package io.shepherd.runtime.task;

/** What one call of a task achieved; workers back off when nothing made progress. */
public enum ProgressState {
    MADE_PROGRESS,
    NO_PROGRESS,
    DONE
}
