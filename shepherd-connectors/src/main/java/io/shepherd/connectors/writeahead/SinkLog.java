package io.shepherd.connectors.writeahead;

import io.shepherd.common.io.Disk;
import io.shepherd.wal.LogRecord;
import io.shepherd.wal.Wal;
import io.shepherd.wal.WalOptions;
import io.shepherd.wal.WalReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The write-ahead log of one subtask of a {@link WriteAheadSink}, shared by the subtask's writer and
 * committer, with what the sink needs to know about it: how far it is committed and the next record
 * sequence number. Both are recovered by reading the log when it is opened, and kept up to date as
 * entries are appended (see {@link LogEntry} for the entries).
 *
 * <p>The engine creates a subtask's committer and writer separately, but a log directory can be open
 * only once per process (its lock), so opened logs are shared through a process-wide table and closed
 * when their last user {@linkplain #release releases} them.
 *
 * <p>Appends wait until the log has written the entry, so entries reach the disk in the order of the
 * calls and one data entry at a time. The log is opened with {@link io.shepherd.wal.SyncPolicy#NONE}
 * and forced only where the protocol needs it, at the end of a checkpoint and at a commit marker:
 * records after the last pre-commit are replayed by the source after a crash anyway.
 *
 * <p>Thread-safe.
 */
final class SinkLog {
    private record Key(Disk disk, Path directory) {}

    private static final Map<Key, SinkLog> OPEN = new HashMap<>();

    private final Key key;
    private final Wal wal;
    private int users;
    private long nextSequence;
    /** The position of the END entry of the last committed checkpoint; -1 if none is. */
    private long committedEnd = -1;
    /** The position after the last COMMITTED entry, which a suffix truncation must keep; -1 if none. */
    private long afterLastMarker = -1;

    private SinkLog(Key key, Wal wal) {
        this.key = key;
        this.wal = wal;
    }

    /** The log in {@code options.directory()}, opened (and recovered) if this process has not opened it yet. */
    static SinkLog acquire(WalOptions options) {
        Key key = new Key(options.disk(), options.directory().toAbsolutePath().normalize());
        synchronized (OPEN) {
            SinkLog log = OPEN.get(key);
            if (log == null) {
                log = new SinkLog(key, Wal.open(options));
                try {
                    log.recover();
                } catch (RuntimeException e) {
                    log.wal.close();
                    throw e;
                }
                OPEN.put(key, log);
            }
            log.users++;
            return log;
        }
    }

    /** Gives up one user's share; the last one closes the log (appended entries are written first). */
    void release() {
        synchronized (OPEN) {
            if (--users > 0) {
                return;
            }
            OPEN.remove(key);
        }
        wal.close();
    }

    /**
     * Forgets every log open on {@code disk} and closes it, as the death of the process would: for tests
     * that simulate one on a disk whose crash has already made every open file unusable.
     */
    static void dropAll(Disk disk) {
        List<SinkLog> dropped = new ArrayList<>();
        synchronized (OPEN) {
            OPEN.values().removeIf(log -> log.key.disk() == disk && dropped.add(log));
        }
        for (SinkLog log : dropped) {
            try {
                log.wal.close();
            } catch (RuntimeException deadFiles) {
                // its files died with the simulated crash; nothing it does now reaches the disk
            }
        }
    }

    private void recover() {
        try (WalReader reader = wal.openReader(wal.startPosition())) {
            for (LogRecord record = reader.next(); record != null; record = reader.next()) {
                LogEntry entry = LogEntry.decode(record.payload(), record.position());
                if (entry instanceof LogEntry.Data data) {
                    nextSequence = Math.max(nextSequence, data.firstSequence() + data.count());
                } else if (entry instanceof LogEntry.End end) {
                    nextSequence = Math.max(nextSequence, end.nextSequence());
                } else if (entry instanceof LogEntry.Committed committed) {
                    committedEnd = committed.endPosition();
                    afterLastMarker = record.nextPosition();
                    nextSequence = Math.max(nextSequence, committed.nextSequence());
                }
            }
        }
    }

    /** Appends {@code count} serialized records, numbering them on; returns the entry's position. */
    synchronized long appendData(byte[] values, int valuesLength, int count) {
        long position = wal.appendAndAwait(LogEntry.data(nextSequence, count, values, valuesLength));
        nextSequence += count;
        return position;
    }

    /** Appends the END entry of {@code checkpointId} and makes the log durable up to it; returns its position. */
    synchronized long appendEnd(long checkpointId) {
        long position = wal.appendAndAwait(LogEntry.end(checkpointId, nextSequence));
        wal.sync();
        return position;
    }

    /** Makes everything appended so far durable. */
    void sync() {
        wal.sync();
    }

    /** Whether the checkpoint's records reached the target (a durable COMMITTED entry covers it). */
    synchronized boolean isCommitted(WalCommittable checkpoint) {
        return checkpoint.endPosition() <= committedEnd;
    }

    /**
     * Records durably that the checkpoint's records reached the target, then drops the log's prefix up
     * to its END entry (retention): everything before it is committed.
     */
    synchronized void markCommitted(WalCommittable checkpoint) {
        long position = wal.appendAndAwait(
                LogEntry.committed(checkpoint.checkpointId(), checkpoint.endPosition(), nextSequence));
        wal.sync();
        committedEnd = checkpoint.endPosition();
        afterLastMarker = Wal.positionAfter(position, LogEntry.COMMITTED_BYTES);
        wal.truncatePrefix(checkpoint.endPosition());
    }

    /**
     * Removes the entries after {@code position}, or after the last COMMITTED entry if that is later:
     * commit markers are never cut, since losing one would make a later restore send its checkpoint
     * again. What stays between the two belongs to no checkpoint that can still be committed.
     */
    synchronized void truncateAfter(long position) {
        long cut = Math.max(Math.max(position, afterLastMarker), wal.startPosition());
        if (cut < wal.endPosition()) {
            wal.truncateSuffix(cut);
        }
    }

    WalReader openReader(long position) {
        return wal.openReader(position);
    }

    long startPosition() {
        return wal.startPosition();
    }

    long endPosition() {
        return wal.endPosition();
    }

    Path directory() {
        return wal.directory();
    }
}
