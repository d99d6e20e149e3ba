package io.shepherd.api.source;

/**
 * Reads one subtask's share of a source. Polled, never blocking: the engine runs many tasks on few
 * threads, so a reader returns {@link InputStatus#NOTHING_AVAILABLE} rather than wait.
 *
 * <p>Contract:
 * <ul>
 *   <li>{@link #pollNext} emits a small number of records (one is fine; the engine calls it in a
 *       loop and batches the output). It is always called from the same thread.
 *   <li>Between two calls the reader's position is exact: everything emitted so far, nothing else.
 *       Checkpoints are taken there ({@link #snapshotState}) and a restored reader resumes from
 *       what it stored, so a replayable source must keep its position in operator state
 *       ({@code FunctionContext.getOperatorListState}).
 * </ul>
 */
public interface SourceReader<T> extends AutoCloseable {

    InputStatus pollNext(SourceOutput<T> output) throws Exception;

    /** Writes the reader's position into its operator state; called between two polls. */
    default void snapshotState(long checkpointId) throws Exception {}

    @Override
    default void close() throws Exception {}
}
