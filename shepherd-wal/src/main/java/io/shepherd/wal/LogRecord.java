package io.shepherd.wal;

/**
 * A record read from the log.
 *
 * @param position its log position
 * @param payload its bytes (a copy the caller owns)
 */
public record LogRecord(long position, byte[] payload) {

    /** The position of the record after this one. */
    public long nextPosition() {
        return position + RecordFrame.frameBytes(payload.length);
    }
}
