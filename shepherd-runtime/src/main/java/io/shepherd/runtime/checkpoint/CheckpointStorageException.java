package io.shepherd.runtime.checkpoint;

import java.nio.file.Path;

/** Checkpoint storage could not do what was asked; the message names the file or directory. */
public class CheckpointStorageException extends RuntimeException {

    private final transient Path file;

    public CheckpointStorageException(Path file, String message, Throwable cause) {
        super(file + ": " + message, cause);
        this.file = file;
    }

    /** The file or directory concerned. */
    public Path file() {
        return file;
    }
}
