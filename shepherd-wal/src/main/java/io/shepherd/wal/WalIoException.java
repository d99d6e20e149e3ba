package io.shepherd.wal;

import java.nio.file.Path;

/**
 * An I/O operation on a log file failed. If it happened while appending, the log instance has failed
 * (see {@link WalFailedException}); reopen the log to recover from what is durable.
 */
public class WalIoException extends WalException {

    private final transient Path file;

    public WalIoException(Path file, String what, Throwable cause) {
        super(file + ": " + what + ": " + withoutPrefix(String.valueOf(cause.getMessage()), file + ": "), cause);
        this.file = file;
    }

    /** Disk errors already start with the file name; say it once. */
    private static String withoutPrefix(String message, String prefix) {
        return message.startsWith(prefix) ? message.substring(prefix.length()) : message;
    }

    /** The file the operation was on. */
    public Path file() {
        return file;
    }
}
