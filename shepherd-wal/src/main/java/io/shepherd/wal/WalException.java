package io.shepherd.wal;

/** The root of the log's errors; each subtype says what went wrong and what to do about it. */
public class WalException extends RuntimeException {

    public WalException(String message) {
        super(message);
    }

    public WalException(String message, Throwable cause) {
        super(message, cause);
    }
}
