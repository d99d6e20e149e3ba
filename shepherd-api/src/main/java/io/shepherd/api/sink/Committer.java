package io.shepherd.api.sink;

import java.util.List;

/** Phase two of a {@link TwoPhaseCommitSink}: makes pre-committed output visible. */
public interface Committer<C> extends AutoCloseable {

    /**
     * Makes the output visible. Idempotent: a committable that is already committed (a commit
     * repeated after a restore) is skipped, never applied twice.
     */
    void commit(List<C> committables) throws Exception;

    /**
     * On restore, after the restored checkpoint's committables were committed: removes every piece
     * of this subtask's output that is not committed — written after that checkpoint, or
     * pre-committed for a checkpoint that never completed.
     */
    void abortUncommitted() throws Exception;

    @Override
    default void close() throws Exception {}
}
