package io.shepherd.api.execution;

/** The states a job goes through: RUNNING, then one of the final three. */
public enum JobStatus {
    RUNNING,
    FINISHED,
    CANCELLED,
    FAILED;

    public boolean isFinal() {
        return this != RUNNING;
    }
}
