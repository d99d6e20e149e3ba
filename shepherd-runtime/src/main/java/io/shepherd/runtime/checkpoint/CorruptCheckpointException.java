package io.shepherd.runtime.checkpoint;

import java.nio.file.Path;

/**
 * A checkpoint file is not what was written: cut short by a crash, damaged, or not a checkpoint file at
 * all. The message names the file and what is wrong; restore from an older checkpoint instead.
 */
public class CorruptCheckpointException extends CheckpointStorageException {

    public CorruptCheckpointException(Path file, String message) {
        super(file, message, null);
    }

    public CorruptCheckpointException(Path file, String message, Throwable cause) {
        super(file, message, cause);
    }
}
