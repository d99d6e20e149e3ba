package io.shepherd.runtime.checkpoint;

import java.util.List;

/**
 * Where checkpoints live: the state of every task, and one metadata file per checkpoint that makes it
 * visible. {@link LocalCheckpointStorage} is the embedded default; the cluster implements it over
 * replicated storage.
 *
 * <p><b>Atomicity.</b> A checkpoint exists once {@link #writeMetadata} returned: its metadata is then whole
 * and durable. Before that, whatever state files exist belong to no checkpoint. Every read is checked
 * (lengths and checksums) and a mismatch throws {@link CorruptCheckpointException} naming the file.
 *
 * <p>Implementations are safe for use by several threads: tasks write their state from their own
 * asynchronous snapshot threads while the coordinator writes metadata and discards.
 */
public interface CheckpointStorage {

    /**
     * Writes one task's state for a checkpoint and forces it to disk; returns its handle, with its length
     * and CRC32C. Writing the same task's state of the same checkpoint again replaces it.
     *
     * @throws CheckpointStorageException if it cannot be written (the task should decline the checkpoint)
     */
    StateHandle writeState(long checkpointId, CheckpointType type, TaskId task, byte[] bytes);

    /**
     * Reads state back, checking its length and checksum against the handle.
     *
     * @throws CorruptCheckpointException if they do not match, naming the file
     */
    byte[] readState(StateHandle handle);

    /**
     * Writes a checkpoint's metadata atomically and durably: the checkpoint is visible only once it is whole
     * and forced.
     *
     * @return the checkpoint's location, for {@link #readMetadata}
     */
    String writeMetadata(CompletedCheckpoint checkpoint);

    /**
     * Reads and verifies a checkpoint's metadata. {@code location} is what {@link #writeMetadata} returned,
     * or a path a user gave: a checkpoint or savepoint directory, or its metadata file, absolute or relative
     * to the storage root. The state handles of the result point where the state files are now, so a
     * savepoint directory can be moved.
     *
     * @throws CorruptCheckpointException if the metadata is torn, damaged or of an unknown format
     * @throws CheckpointStorageException if there is no such checkpoint
     */
    CompletedCheckpoint readMetadata(String location);

    /**
     * Deletes checkpoint (or aborted savepoint) {@code checkpointId}: its metadata first, so that it is never
     * visible half deleted, then its state. Does nothing if it does not exist.
     */
    void discard(long checkpointId);

    /** The checkpoint and savepoint directories there are, complete or not, by id. */
    List<StoredCheckpoint> list();
}
