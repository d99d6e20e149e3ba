package io.shepherd.runtime.checkpoint;

/**
 * A checkpoint or savepoint directory found in storage.
 *
 * @param location its directory relative to the storage root
 * @param hasMetadata whether its metadata file exists, i.e. it was written whole; a directory without
 *     one is a checkpoint that never completed
 */
public record StoredCheckpoint(long id, CheckpointType type, String location, boolean hasMetadata) {}
