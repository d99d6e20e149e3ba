package io.shepherd.api.checkpoint;

/** How a task with several inputs treats the barriers of a checkpoint. */
public enum CheckpointingMode {
    /**
     * Exactly-once: an input whose barrier arrived is not read again until the barriers of every
     * input arrived, so the snapshot holds exactly the effects of the records before the cut.
     * With an alignment timeout, a task that waits longer switches to {@link #UNALIGNED} for that
     * checkpoint.
     */
    ALIGNED,
    /**
     * Exactly-once without waiting: the first barrier overtakes the data queued before it, and
     * that in-flight data is stored with the snapshot as channel state and replayed first on restore.
     */
    UNALIGNED,
    /** Barriers are counted and nothing blocks: after a restore some records are processed twice. */
    AT_LEAST_ONCE
}
