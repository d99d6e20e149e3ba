package io.shepherd.runtime.checkpoint;

import java.io.Serializable;

/** One parallel subtask of a job vertex. */
public record TaskId(int vertexId, int subtask) implements Serializable, Comparable<TaskId> {

    @Override
    public int compareTo(TaskId other) {
        int byVertex = Integer.compare(vertexId, other.vertexId);
        return byVertex != 0 ? byVertex : Integer.compare(subtask, other.subtask);
    }

    @Override
    public String toString() {
        return vertexId + "/" + subtask;
    }
}
