package io.shepherd.api.execution;

/** A job failed. The message says which operator and subtask, and on which record where there was one. */
public class JobExecutionException extends Exception {
    private final String jobName;

    public JobExecutionException(String jobName, String message, Throwable cause) {
        super("job '" + jobName + "' failed: " + message, cause);
        this.jobName = jobName;
    }

    public String jobName() {
        return jobName;
    }
}
