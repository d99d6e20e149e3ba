package io.shepherd.wal;

import java.nio.file.Path;

/**
 * Bytes that were once durable are damaged: a bad checksum or impossible header in a sealed segment, or
 * in the last segment with valid records after it, or a gap between segments. The log refuses to open
 * rather than drop acknowledged records silently. The message names the file and byte offset; the
 * records from there on cannot be trusted. Restore the log from a replica or a backup, or, to accept the
 * loss, cut the file at that offset and remove the segments after it.
 */
public class CorruptLogException extends WalException {

    private final transient Path file;
    private final long offset;

    public CorruptLogException(Path file, long offset, String reason) {
        super(file + " is corrupt at byte offset " + offset + ": " + reason);
        this.file = file;
        this.offset = offset;
    }

    /** The damaged segment (or image) file. */
    public Path file() {
        return file;
    }

    /** The byte offset within {@link #file()} where the damage starts. */
    public long offset() {
        return offset;
    }
}
