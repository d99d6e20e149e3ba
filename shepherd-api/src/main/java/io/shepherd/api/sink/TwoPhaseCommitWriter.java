package io.shepherd.api.sink;

import java.util.List;

/** The writer of a {@link TwoPhaseCommitSink}: writes invisibly, and pre-commits on every checkpoint. */
public interface TwoPhaseCommitWriter<T, C> extends SinkWriter<T> {

    /**
     * Phase one, when the barrier of {@code checkpointId} passes (after {@link #flush}): make what
     * was written since the last call durable but not yet visible, and return what committing it
     * takes; an empty list when nothing was written.
     */
    List<C> preCommit(long checkpointId) throws Exception;
}
