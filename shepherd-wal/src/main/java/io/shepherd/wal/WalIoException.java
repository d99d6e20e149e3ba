package io.shepherd.wal;

import java.nio.file.Path;

/**
 * An I/O operation on a log file failed. If it happened while appending, the log instance has failed
 * (see {@link WalFailedException}); reopen the log to recover from what is durable.
 */
public class WalIoException extends WalException {

    private final transient Path file;

    public WalIoException(Path file, String what, Throwable cause) {
        super(file + ": " + what + ": " + cause.getMessage(), cause);
        this.file = file;
    }

    /** The file the operation was on. */
    public Path file() {
        return file;
    }
}
