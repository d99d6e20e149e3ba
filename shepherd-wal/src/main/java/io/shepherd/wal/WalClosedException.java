package io.shepherd.wal;

/** The log was closed; open it again to append or read. */
public class WalClosedException extends WalException {

    public WalClosedException(String message) {
        super(message);
    }
}
