package io.shepherd.wal;

/**
 * The log instance stopped after an I/O error (a failed force, write, or segment roll) and refuses all
 * further work; the cause is the original error. Appends that were pending when it failed fail with
 * this exception and may or may not be durable. A failed force is never retried on the same file,
 * because Linux may have dropped the unwritten data and a retry would report success over lost
 * records. Reopen the log: recovery keeps exactly what reached the disk.
 */
public class WalFailedException extends WalException {

    public WalFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
