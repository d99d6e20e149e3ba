package io.shepherd.runtime.checkpoint;

import java.io.Serializable;

/**
 * Where a piece of checkpointed state lies in checkpoint storage, and how to know it is intact.
 *
 * @param location a path relative to the storage's root
 * @param length the number of bytes
 * @param crc32c the checksum of those bytes, checked on every read
 */
public record StateHandle(String location, long length, int crc32c) implements Serializable {}
