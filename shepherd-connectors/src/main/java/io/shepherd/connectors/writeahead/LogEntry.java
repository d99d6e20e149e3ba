package io.shepherd.connectors.writeahead;

import io.shepherd.api.serialization.ByteInput;
import io.shepherd.api.serialization.ByteOutput;
import io.shepherd.api.serialization.SerializationException;

/**
 * The entries a {@link WriteAheadSink} keeps in a subtask's write-ahead log, one per log record. The
 * first payload byte is the kind; integers are little-endian ({@link ByteOutput}).
 *
 * <pre>
 * DATA       1 | firstSequence:8 | count:4 | count values, back to back, as the sink's serializer wrote them
 * END        2 | checkpointId:8 | nextSequence:8                   closes the checkpoint's records
 * COMMITTED  3 | checkpointId:8 | endPosition:8 | nextSequence:8  its records reached the target
 * </pre>
 *
 * <p>A checkpoint's records are the DATA entries between the position its writer began it at and its
 * END entry, as named by its {@link WalCommittable}; COMMITTED entries of earlier checkpoints may lie
 * between them and are skipped. {@code endPosition} of a COMMITTED entry is the position of that
 * checkpoint's END entry: every checkpoint ending at or before it is committed. {@code nextSequence}
 * is the first sequence number not yet given to a record, so a reopened log numbers on without reuse.
 */
sealed interface LogEntry {
    byte DATA = 1;
    byte END = 2;
    byte COMMITTED = 3;

    /** Payload bytes of a DATA entry before its values. */
    int DATA_HEADER_BYTES = 1 + Long.BYTES + Integer.BYTES;

    /** Payload bytes of an END entry. */
    int END_BYTES = 1 + 2 * Long.BYTES;

    /** Payload bytes of a COMMITTED entry. */
    int COMMITTED_BYTES = 1 + 3 * Long.BYTES;

    /** {@code count} records numbered from {@code firstSequence}; {@code values} is positioned at the first. */
    record Data(long firstSequence, int count, ByteInput values) implements LogEntry {}

    record End(long checkpointId, long nextSequence) implements LogEntry {}

    record Committed(long checkpointId, long endPosition, long nextSequence) implements LogEntry {}

    static byte[] data(long firstSequence, int count, byte[] values, int valuesLength) {
        ByteOutput out = new ByteOutput(DATA_HEADER_BYTES + valuesLength);
        out.writeByte(DATA);
        out.writeLong(firstSequence);
        out.writeInt(count);
        out.writeBytes(values, 0, valuesLength);
        return out.toByteArray();
    }

    static byte[] end(long checkpointId, long nextSequence) {
        ByteOutput out = new ByteOutput(END_BYTES);
        out.writeByte(END);
        out.writeLong(checkpointId);
        out.writeLong(nextSequence);
        return out.toByteArray();
    }

    static byte[] committed(long checkpointId, long endPosition, long nextSequence) {
        ByteOutput out = new ByteOutput(COMMITTED_BYTES);
        out.writeByte(COMMITTED);
        out.writeLong(checkpointId);
        out.writeLong(endPosition);
        out.writeLong(nextSequence);
        return out.toByteArray();
    }

    /**
     * Decodes the entry of the log record at {@code position}.
     *
     * @throws IllegalStateException naming the position if the payload is not an entry of this sink
     */
    static LogEntry decode(byte[] payload, long position) {
        ByteInput in = new ByteInput(payload);
        try {
            byte kind = in.readByte();
            LogEntry entry = switch (kind) {
                case DATA -> new Data(in.readLong(), in.readInt(), in);
                case END -> new End(in.readLong(), in.readLong());
                case COMMITTED -> new Committed(in.readLong(), in.readLong(), in.readLong());
                default -> throw new IllegalStateException("unknown entry kind " + kind);
            };
            if (!(entry instanceof Data) && in.hasRemaining()) {
                throw new IllegalStateException(in.remaining() + " bytes after the entry");
            }
            return entry;
        } catch (SerializationException | IllegalStateException e) {
            throw new IllegalStateException("write-ahead sink: the log record at position " + position
                    + " is not an entry of this sink (" + e.getMessage() + "); is the directory shared with"
                    + " something else?", e);
        }
    }
}
