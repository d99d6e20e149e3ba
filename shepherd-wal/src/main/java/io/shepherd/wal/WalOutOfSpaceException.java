package io.shepherd.wal;

import java.nio.file.Path;

/**
 * The disk holding the log is full. The log instance has failed; free space (for example by truncating
 * the log's prefix after a checkpoint, or moving other files away) and reopen it.
 */
public class WalOutOfSpaceException extends WalIoException {

    public WalOutOfSpaceException(Path file, String what, Throwable cause) {
        super(file, what, cause);
    }
}
