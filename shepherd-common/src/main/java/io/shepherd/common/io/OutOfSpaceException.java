package io.shepherd.common.io;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A write failed because the disk is full. Part of the write may have reached the file. Free space
 * (or raise the quota) and recover from durable state: the file's unforced tail is unreliable.
 */
public class OutOfSpaceException extends IOException {

    private final transient Path file;

    public OutOfSpaceException(Path file, String message, Throwable cause) {
        super(file + ": out of disk space: " + message, cause);
        this.file = file;
    }

    /** The file whose write did not fit. */
    public Path file() {
        return file;
    }
}
