package io.shepherd.runtime.state.snapshot;

import io.shepherd.runtime.partition.KeyGroups;

/** Which keys one subtask owns: those in its range of key groups, as the key partitioner routes them. */
record KeyOwnership(int maxParallelism, int subtask, int parallelism) {

    KeyOwnership {
        if (maxParallelism < 1 || parallelism < 1 || parallelism > maxParallelism) {
            throw new IllegalArgumentException("need 1 <= parallelism <= maxParallelism, got parallelism "
                    + parallelism + " and maxParallelism " + maxParallelism);
        }
        if (subtask < 0 || subtask >= parallelism) {
            throw new IllegalArgumentException("subtask " + subtask + " is not in [0, " + parallelism + ")");
        }
    }

    boolean owns(Object key) {
        return KeyGroups.subtaskOfKey(key, maxParallelism, parallelism) == subtask;
    }

    @Override
    public String toString() {
        return "subtask " + subtask + " of " + parallelism + " (max parallelism " + maxParallelism + ")";
    }
}
