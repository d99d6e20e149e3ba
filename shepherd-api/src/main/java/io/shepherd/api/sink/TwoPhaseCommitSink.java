package io.shepherd.api.sink;

import io.shepherd.api.functions.FunctionContext;
import java.io.Serializable;

/**
 * A sink whose output becomes visible only once the checkpoint covering it has completed, so a
 * restore never leaves output of records that will be processed again: exactly-once output.
 *
 * <p>The engine drives the protocol per subtask: on the barrier of checkpoint <i>n</i> it flushes
 * the writer and takes its {@linkplain TwoPhaseCommitWriter#preCommit pre-committed} output into
 * the snapshot; when <i>n</i> completes it {@linkplain Committer#commit commits} it. On restore it
 * commits what the restored checkpoint had pre-committed (commits are idempotent, so output a
 * failure interrupted half-way is finished, never doubled) and then aborts everything else the
 * subtask left behind. When the input ends, the remaining output is pre-committed and committed at once.
 *
 * @param <C> what phase two needs to make one piece of pre-committed output visible; stored in checkpoints
 */
public interface TwoPhaseCommitSink<T, C extends Serializable> extends Sink<T> {

    @Override
    TwoPhaseCommitWriter<T, C> createWriter(FunctionContext context) throws Exception;

    /** The committer of one subtask; created before the writer, and used on restore before any write. */
    Committer<C> createCommitter(FunctionContext context) throws Exception;
}
