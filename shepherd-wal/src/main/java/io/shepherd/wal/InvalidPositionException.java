package io.shepherd.wal;

/**
 * A position that does not name a readable record: before the retained start (truncated away), past the
 * end, or not at a record boundary. Use positions returned by {@link Wal#append}, by a reader, or
 * {@link Wal#startPosition()} / {@link Wal#endPosition()}.
 */
public class InvalidPositionException extends WalException {

    private final long position;

    public InvalidPositionException(long position, String message) {
        super(message);
        this.position = position;
    }

    /** The position asked for. */
    public long position() {
        return position;
    }
}
