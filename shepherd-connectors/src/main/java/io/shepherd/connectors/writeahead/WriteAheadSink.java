package io.shepherd.connectors.writeahead;

import io.shepherd.api.functions.FunctionContext;
import io.shepherd.api.serialization.Serializer;
import io.shepherd.api.serialization.Serializers;
import io.shepherd.api.sink.Committer;
import io.shepherd.api.sink.TwoPhaseCommitSink;
import io.shepherd.api.sink.TwoPhaseCommitWriter;
import io.shepherd.common.io.Disk;
import io.shepherd.wal.SyncPolicy;
import io.shepherd.wal.WalOptions;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Exactly-once delivery to a target that is idempotent but not transactional: each subtask logs its
 * records in a write-ahead log (module {@code shepherd-wal}) and sends a checkpoint's records to the
 * {@link IdempotentTarget} only once the checkpoint has completed. {@code docs/sinks.md} describes the
 * guarantees and the recovery rules in full.
 *
 * <ul>
 *   <li><b>Layout.</b> Subtask {@code s} keeps its log in {@code <directory>/subtask-s}; the entries are
 *       described in {@link LogEntry}. The log and the target belong together: the records' sequence
 *       numbers come from the log, so a target fed from a log that was deleted would see them again.
 *   <li><b>Write.</b> Records are serialized and appended to the log; on a checkpoint's barrier the
 *       writer appends an END entry and forces the log: the pre-commit ({@link WalCommittable}).
 *   <li><b>Commit.</b> When the checkpoint completes its records are read back and sent to the target,
 *       then a durable COMMITTED entry is appended and the log's prefix up to the checkpoint is dropped.
 *   <li><b>Restore.</b> A restored checkpoint not yet marked committed is sent again, in full; one
 *       that is marked is skipped. Then the log is cut after it: records written later are replayed by
 *       the source.
 *   <li><b>Without checkpoints</b> the writer sends everything when the input ends.
 * </ul>
 *
 * <p>Instances are immutable; the {@code with...} methods return modified copies.
 */
public final class WriteAheadSink<T> implements TwoPhaseCommitSink<T, WalCommittable> {
    private static final long serialVersionUID = 1L;

    /** The default segment size of the subtask logs. */
    public static final long DEFAULT_SEGMENT_BYTES = 64L << 20;

    /** The default number of records per call of the target. */
    public static final int DEFAULT_BATCH_RECORDS = 1_000;

    private static final long MIN_SEGMENT_BYTES = 4096;

    private final String directory;
    private final Serializer<T> serializer;
    private final IdempotentTarget<T> target;
    private final long segmentBytes;
    private final int batchRecords;
    private final Disk disk;

    private WriteAheadSink(String directory, Serializer<T> serializer, IdempotentTarget<T> target, long segmentBytes,
            int batchRecords, Disk disk) {
        this.directory = directory;
        this.serializer = serializer;
        this.target = target;
        this.segmentBytes = segmentBytes;
        this.batchRecords = batchRecords;
        this.disk = disk;
    }

    /** A sink logging records with {@code serializer} under {@code directory} and delivering them to {@code target}. */
    public static <T> WriteAheadSink<T> to(Path directory, Serializer<T> serializer, IdempotentTarget<T> target) {
        return new WriteAheadSink<>(Objects.requireNonNull(directory, "directory").toString(),
                Objects.requireNonNull(serializer, "serializer"), Objects.requireNonNull(target, "target"),
                DEFAULT_SEGMENT_BYTES, DEFAULT_BATCH_RECORDS, Disk.local());
    }

    /** Like {@link #to(Path, Serializer, IdempotentTarget)} with the built-in serializer of {@code type}. */
    public static <T> WriteAheadSink<T> to(Path directory, Class<T> type, IdempotentTarget<T> target) {
        return to(directory, Serializers.of(type), target);
    }

    /**
     * This sink with log segments of {@code bytes} (64 MiB by default). A segment is the unit the log
     * drops once its records are committed; a record must fit in one.
     */
    public WriteAheadSink<T> withSegmentBytes(long bytes) {
        if (bytes < MIN_SEGMENT_BYTES || bytes > WalOptions.MAX_SEGMENT_BYTES) {
            throw new IllegalArgumentException("segment size must be within " + MIN_SEGMENT_BYTES + ".."
                    + WalOptions.MAX_SEGMENT_BYTES + " bytes, got " + bytes);
        }
        return new WriteAheadSink<>(directory, serializer, target, bytes, batchRecords, disk);
    }

    /** This sink handing the target at most {@code records} records per call (1,000 by default). */
    public WriteAheadSink<T> withBatchRecords(int records) {
        if (records < 1) {
            throw new IllegalArgumentException("a batch holds at least one record, got " + records);
        }
        return new WriteAheadSink<>(directory, serializer, target, segmentBytes, records, disk);
    }

    /** This sink logging through {@code disk}, e.g. one that injects faults in a test. */
    WriteAheadSink<T> withDisk(Disk disk) {
        return new WriteAheadSink<>(directory, serializer, target, segmentBytes, batchRecords,
                Objects.requireNonNull(disk, "disk"));
    }

    public Path directory() {
        return Path.of(directory);
    }

    @Override
    public TwoPhaseCommitWriter<T, WalCommittable> createWriter(FunctionContext context) {
        WalOptions options = logOptions(context.subtaskIndex());
        return new WriteAheadWriter<>(this, SinkLog.acquire(options), context.subtaskIndex(), serializer,
                options.maxRecordBytes());
    }

    @Override
    public Committer<WalCommittable> createCommitter(FunctionContext context) {
        return createCommitter(context.subtaskIndex());
    }

    Committer<WalCommittable> createCommitter(int subtask) {
        return new WriteAheadCommitter<>(SinkLog.acquire(logOptions(subtask)), subtask, serializer, target,
                batchRecords);
    }

    private WalOptions logOptions(int subtask) {
        return WalOptions.builder(Path.of(directory, "subtask-" + subtask))
                .disk(disk)
                .syncPolicy(SyncPolicy.NONE)
                .segmentBytes(segmentBytes)
                .build();
    }

    @Override
    public String toString() {
        return "WriteAheadSink{" + directory + " -> " + target + "}";
    }
}
