package io.shepherd.connectors.writeahead;

import io.shepherd.api.serialization.Serializer;
import io.shepherd.api.sink.Committer;
import io.shepherd.wal.LogRecord;
import io.shepherd.wal.Wal;
import io.shepherd.wal.WalException;
import io.shepherd.wal.WalReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Phase two of a {@link WriteAheadSink} for one subtask: reads a completed checkpoint's records back
 * from the log, sends them to the target, and then appends a durable COMMITTED entry, so that no
 * later commit of that checkpoint sends it again. A crash between the first batch and the marker
 * makes the next commit send the checkpoint again, which the target's idempotence absorbs.
 *
 * <p>Checkpoints must be committed in the order they were pre-committed: a COMMITTED entry covers
 * every checkpoint that ends before it in the log.
 */
final class WriteAheadCommitter<T> implements Committer<WalCommittable> {
    private final SinkLog log;
    private final int subtask;
    private final Serializer<T> serializer;
    private final IdempotentTarget<T> target;
    private final int batchRecords;
    /** The position after the END entry of the newest checkpoint handed to {@link #commit}; -1 if none. */
    private long afterCommittedEnd = -1;

    WriteAheadCommitter(SinkLog log, int subtask, Serializer<T> serializer, IdempotentTarget<T> target,
            int batchRecords) {
        this.log = log;
        this.subtask = subtask;
        this.serializer = serializer;
        this.target = target;
        this.batchRecords = batchRecords;
    }

    @Override
    public void commit(List<WalCommittable> checkpoints) throws Exception {
        List<WalCommittable> ordered = new ArrayList<>(checkpoints);
        ordered.sort(Comparator.comparingLong(WalCommittable::endPosition));
        for (WalCommittable checkpoint : ordered) {
            if (checkpoint.subtask() != subtask) {
                throw new IllegalArgumentException("write-ahead sink '" + log.directory() + "': subtask " + subtask
                        + " was asked to commit checkpoint " + checkpoint.checkpointId() + " of subtask "
                        + checkpoint.subtask() + "; this sink cannot be restored with a different parallelism");
            }
            afterCommittedEnd = Math.max(afterCommittedEnd, Wal.positionAfter(checkpoint.endPosition(), LogEntry.END_BYTES));
            if (!log.isCommitted(checkpoint)) {
                send(checkpoint);
                log.markCommitted(checkpoint);
            }
        }
    }

    /**
     * Cuts the log after the restored checkpoint: the records written after it will be written again
     * by the replaying source. Nothing of them has reached the target.
     */
    @Override
    public void abortUncommitted() {
        log.truncateAfter(afterCommittedEnd);
    }

    @Override
    public void close() {
        log.release();
    }

    private void send(WalCommittable checkpoint) throws Exception {
        List<SequencedRecord<T>> batch = new ArrayList<>();
        try (WalReader reader = openAt(checkpoint)) {
            while (reader.position() < checkpoint.endPosition()) {
                LogRecord record = next(reader, checkpoint);
                LogEntry entry = LogEntry.decode(record.payload(), record.position());
                if (entry instanceof LogEntry.Data data) {
                    for (int i = 0; i < data.count(); i++) {
                        batch.add(new SequencedRecord<>(subtask, data.firstSequence() + i, serializer.read(data.values())));
                        if (batch.size() == batchRecords) {
                            target.write(checkpoint.checkpointId(), batch);
                            batch = new ArrayList<>();
                        }
                    }
                    if (data.values().hasRemaining()) {
                        throw mismatch(checkpoint, "the data entry at position " + record.position() + " has "
                                + data.values().remaining() + " bytes left after its " + data.count() + " records;"
                                + " was the serializer changed?");
                    }
                } else if (entry instanceof LogEntry.End) {
                    throw mismatch(checkpoint, "an END entry lies inside it, at position " + record.position());
                }
            }
            checkEnd(checkpoint, next(reader, checkpoint));
        }
        if (!batch.isEmpty()) {
            target.write(checkpoint.checkpointId(), batch);
        }
    }

    private WalReader openAt(WalCommittable checkpoint) throws IOException {
        try {
            return log.openReader(checkpoint.fromPosition());
        } catch (WalException e) {
            throw lost(checkpoint, e);
        }
    }

    private LogRecord next(WalReader reader, WalCommittable checkpoint) throws IOException {
        LogRecord record;
        try {
            record = reader.next();
        } catch (WalException e) {
            throw lost(checkpoint, e);
        }
        if (record == null) {
            throw lost(checkpoint, null);
        }
        return record;
    }

    private void checkEnd(WalCommittable checkpoint, LogRecord record) throws IOException {
        LogEntry entry = LogEntry.decode(record.payload(), record.position());
        if (record.position() != checkpoint.endPosition()
                || !(entry instanceof LogEntry.End end)
                || end.checkpointId() != checkpoint.checkpointId()) {
            throw mismatch(checkpoint, "found " + entry.getClass().getSimpleName() + " at position " + record.position()
                    + " where its END entry should be");
        }
    }

    private IOException lost(WalCommittable checkpoint, Exception cause) {
        return new IOException("write-ahead sink '" + log.directory() + "': the records of pre-committed checkpoint "
                + checkpoint.checkpointId() + " (log positions " + checkpoint.fromPosition() + ".."
                + checkpoint.endPosition() + ") are no longer in the log, which holds " + log.startPosition() + ".."
                + log.endPosition() + "; they cannot be delivered. Was the log directory removed or replaced?"
                + (cause == null ? "" : " (" + cause.getMessage() + ")"), cause);
    }

    private IOException mismatch(WalCommittable checkpoint, String what) {
        return new IOException("write-ahead sink '" + log.directory() + "': the log does not hold checkpoint "
                + checkpoint.checkpointId() + " where it was pre-committed: " + what);
    }
}
