package io.shepherd.connectors.file;

import io.shepherd.api.functions.FunctionContext;
import io.shepherd.api.sink.Committer;
import io.shepherd.api.sink.TwoPhaseCommitSink;
import io.shepherd.api.sink.TwoPhaseCommitWriter;
import io.shepherd.common.io.Disk;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Writes records as UTF-8 lines into part files of a directory, which it creates if needed, and makes
 * them visible only once they are committed: exactly-once output when the engine drives it through
 * checkpoints. {@code docs/sinks.md} describes the guarantees and the recovery rules in full.
 *
 * <ul>
 *   <li><b>Lines.</b> A record's line is its {@code toString()}, or what a {@link #withFormatter
 *       formatter} makes of it, followed by {@code \n}. A record whose text holds a line break is
 *       refused (and handled by the sink's error policy), so that the output reads back one record
 *       per line.
 *   <li><b>Parts.</b> Each writer writes a sequence of parts whose names carry the subtask and an id
 *       unique to the writer (see {@link PartNames}). A part is written hidden, as
 *       {@code .part-s-w-n.inprogress}; once it reaches the {@link #withRollBytes roll size}, or at a
 *       checkpoint, it is forced and renamed to {@code .part-s-w-n.pending}; it becomes
 *       {@code part-s-w-n} when it is committed.
 *   <li><b>Two-phase commit.</b> On a checkpoint's barrier the writer pre-commits: it seals its parts
 *       as pending, durably, and returns them ({@link PendingPart}). When the checkpoint completes the
 *       committer renames them to their final names; a repeated commit skips parts already committed.
 *       On restore the committer deletes the subtask's in-progress and pending parts that the restored
 *       checkpoint did not cover, and the source replays their records.
 *   <li><b>Without checkpoints</b> the writer commits on its own when the input ends (a flush, then
 *       close); until then its output stays hidden.
 *   <li><b>Errors</b> name the file and what to do.
 * </ul>
 *
 * <p>Instances are immutable; the {@code with...} methods return modified copies.
 */
public final class FileSink<T> implements TwoPhaseCommitSink<T, PendingPart> {
    private static final long serialVersionUID = 2L;

    /** The default size at which a part is sealed and the next one started. */
    public static final long DEFAULT_ROLL_BYTES = 128L * 1024 * 1024;

    private final String directory;
    private final LineFormatter<? super T> formatter;
    private final long rollBytes;
    private final Disk disk;
    private final WriterIds writerIds;

    private FileSink(String directory, LineFormatter<? super T> formatter, long rollBytes, Disk disk,
            WriterIds writerIds) {
        this.directory = directory;
        this.formatter = formatter;
        this.rollBytes = rollBytes;
        this.disk = disk;
        this.writerIds = writerIds;
    }

    /** A sink writing each record's {@code toString()} as a line into part files of {@code directory}. */
    public static <T> FileSink<T> to(Path directory) {
        Objects.requireNonNull(directory, "directory");
        return new FileSink<>(directory.toString(), String::valueOf, DEFAULT_ROLL_BYTES, Disk.local(),
                WriterIds.random());
    }

    /** This sink writing the text {@code formatter} makes of each record. */
    public FileSink<T> withFormatter(LineFormatter<? super T> formatter) {
        return new FileSink<>(directory, Objects.requireNonNull(formatter, "formatter"), rollBytes, disk, writerIds);
    }

    /** This sink sealing a part and starting the next once the part holds at least {@code bytes}. */
    public FileSink<T> withRollBytes(long bytes) {
        if (bytes < 1) {
            throw new IllegalArgumentException("roll size must be at least one byte, got " + bytes);
        }
        return new FileSink<>(directory, formatter, bytes, disk, writerIds);
    }

    /**
     * This sink writing through {@code disk}, e.g. one that injects faults in a test. A sink that is
     * shipped with a job must be serializable, and so must the disk.
     */
    FileSink<T> withDisk(Disk disk) {
        return new FileSink<>(directory, formatter, rollBytes, Objects.requireNonNull(disk, "disk"), writerIds);
    }

    /** This sink naming its writers with ids from {@code ids}, so that a test's file names replay. */
    FileSink<T> withWriterIds(WriterIds ids) {
        return new FileSink<>(directory, formatter, rollBytes, disk, Objects.requireNonNull(ids, "ids"));
    }

    public Path directory() {
        return Path.of(directory);
    }

    public long rollBytes() {
        return rollBytes;
    }

    @Override
    public TwoPhaseCommitWriter<T, PendingPart> createWriter(FunctionContext context) throws IOException {
        return new FileSinkWriter<>(disk, Path.of(directory), context.subtaskIndex(), writerIds.next(), formatter,
                rollBytes);
    }

    @Override
    public Committer<PendingPart> createCommitter(FunctionContext context) {
        return new FileCommitter(disk, Path.of(directory), context.subtaskIndex());
    }

    @Override
    public String toString() {
        return "FileSink{" + directory + "}";
    }
}
