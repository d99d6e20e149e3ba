package io.shepherd.connectors.writeahead;

import io.shepherd.api.serialization.ByteOutput;
import io.shepherd.api.serialization.Serializer;
import io.shepherd.api.sink.Committer;
import io.shepherd.api.sink.TwoPhaseCommitWriter;
import java.util.List;

/**
 * Appends one subtask's records to its write-ahead log, several to a data entry, and ends each
 * checkpoint with an END entry on pre-commit.
 *
 * <p>Like the file sink's writer it commits in one of two ways: the engine commits what
 * {@link #preCommit} returns; a writer that is never pre-committed commits its records itself when
 * it is closed right after a {@link #flush} (the end of the input).
 */
final class WriteAheadWriter<T> implements TwoPhaseCommitWriter<T, WalCommittable> {
    /** Values are appended once this many bytes of them are buffered, or the log's record limit is near. */
    static final int BATCH_BYTES = 64 * 1024;

    /** The checkpoint id a writer that commits on its own gives its output at the end of the input. */
    static final long END_OF_INPUT = Long.MAX_VALUE;

    private final WriteAheadSink<T> sink;
    private final SinkLog log;
    private final int subtask;
    private final Serializer<T> serializer;
    private final int valuesLimitBytes;
    private final ByteOutput record = new ByteOutput();
    private final ByteOutput values = new ByteOutput();
    private int count;
    private long checkpointStart = -1;
    private boolean unflushedWrites;
    private boolean engineCommits;

    WriteAheadWriter(WriteAheadSink<T> sink, SinkLog log, int subtask, Serializer<T> serializer, int maxEntryBytes) {
        this.sink = sink;
        this.log = log;
        this.subtask = subtask;
        this.serializer = serializer;
        this.valuesLimitBytes = maxEntryBytes - LogEntry.DATA_HEADER_BYTES;
    }

    @Override
    public void write(T value) {
        record.reset();
        serializer.write(value, record);
        if (record.position() > valuesLimitBytes) {
            throw new IllegalArgumentException("write-ahead sink '" + log.directory() + "': record " + value
                    + " serializes to " + record.position() + " bytes, more than the " + valuesLimitBytes
                    + " a log entry holds; raise the segment size with withSegmentBytes(...)");
        }
        if (values.position() + record.position() > valuesLimitBytes) {
            appendValues();
        }
        values.writeBytes(record.array(), 0, record.position());
        count++;
        unflushedWrites = true;
        if (values.position() >= Math.min(BATCH_BYTES, valuesLimitBytes)) {
            appendValues();
        }
    }

    /** Appends the buffered records and makes the log durable. */
    @Override
    public void flush() {
        appendValues();
        log.sync();
        unflushedWrites = false;
    }

    /** Ends the checkpoint's records with a durable END entry; empty if there were none. */
    @Override
    public List<WalCommittable> preCommit(long checkpointId) {
        engineCommits = true;
        appendValues();
        if (checkpointStart < 0) {
            return List.of();
        }
        long end = log.appendEnd(checkpointId);
        WalCommittable committable = new WalCommittable(subtask, checkpointId, checkpointStart, end);
        checkpointStart = -1;
        return List.of(committable);
    }

    /**
     * Commits everything if this writer commits on its own and was flushed after its last write (the
     * input ended); then lets go of the log. Records not committed stay in the log, unsent.
     */
    @Override
    public void close() throws Exception {
        try {
            if (!engineCommits && !unflushedWrites) {
                try (Committer<WalCommittable> committer = sink.createCommitter(subtask)) {
                    committer.commit(preCommit(END_OF_INPUT));
                }
            }
        } finally {
            log.release();
        }
    }

    private void appendValues() {
        if (count == 0) {
            return;
        }
        long position = log.appendData(values.array(), values.position(), count);
        if (checkpointStart < 0) {
            checkpointStart = position;
        }
        values.reset();
        count = 0;
    }
}
