package io.shepherd.runtime.task;

import io.shepherd.runtime.checkpoint.TaskId;
import io.shepherd.runtime.state.snapshot.RestoredOperatorState;

/** The state a deployment starts from: a completed checkpoint or savepoint, read back. */
public interface RestoredJobState {

    /** The state of the operator with this uid for one subtask at the job's parallelism; null when there is none. */
    RestoredOperatorState operatorState(String uid, int subtask, int parallelism);

    /** A task's own input watermarks and in-flight data; null when there are none (e.g. from a savepoint). */
    TaskState taskState(TaskId task);
}
