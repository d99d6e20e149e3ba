package io.shepherd.connectors.file;

import io.shepherd.api.functions.FunctionContext;
import io.shepherd.api.sink.Sink;
import io.shepherd.api.sink.SinkWriter;
import io.shepherd.common.io.Disk;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Writes records as UTF-8 lines into part files of a directory, which it creates if needed.
 *
 * <ul>
 *   <li><b>Lines.</b> A record's line is its {@code toString()}, or what a {@link #withFormatter
 *       formatter} makes of it, followed by {@code \n}. A record whose text holds a line break is
 *       refused (and handled by the sink's error policy), so that the output reads back one record
 *       per line.
 *   <li><b>Parts.</b> Subtask {@code s} writes {@code part-s-0}, {@code part-s-1}, ..., starting after the
 *       highest number it finds in the directory, so a second run adds to the output of the first.
 *       A part is written as {@code .part-s-n.inprogress} and renamed to its final name (durably) when
 *       it reaches the {@link #withRollBytes roll size} or when the input ends.
 *   <li><b>Durability.</b> Writes are buffered. When the engine flushes the sink (at the end of the
 *       input, and before checkpoints) everything written is forced to disk, in-progress part
 *       included. After a failure the current part stays in progress, under its hidden name, holding
 *       at least what the last flush made durable.
 *   <li><b>Errors</b> name the file and what to do.
 * </ul>
 *
 * <p>This sink gives at-least-once output at best: after a restore, records written since the last
 * flush are written again. Exactly-once output needs the two-phase-commit variant, which commits a
 * part only when the checkpoint that covers it completes.
 *
 * <p>Instances are immutable; the {@code with...} methods return modified copies.
 */
public final class FileSink<T> implements Sink<T> {
    private static final long serialVersionUID = 1L;

    /** The default size at which a part is committed and the next one started. */
    public static final long DEFAULT_ROLL_BYTES = 128L * 1024 * 1024;

    private final String directory;
    private final LineFormatter<? super T> formatter;
    private final long rollBytes;
    private final Disk disk;

    private FileSink(String directory, LineFormatter<? super T> formatter, long rollBytes, Disk disk) {
        this.directory = directory;
        this.formatter = formatter;
        this.rollBytes = rollBytes;
        this.disk = disk;
    }

    /** A sink writing each record's {@code toString()} as a line into part files of {@code directory}. */
    public static <T> FileSink<T> to(Path directory) {
        Objects.requireNonNull(directory, "directory");
        return new FileSink<>(directory.toString(), String::valueOf, DEFAULT_ROLL_BYTES, Disk.local());
    }

    /** This sink writing the text {@code formatter} makes of each record. */
    public FileSink<T> withFormatter(LineFormatter<? super T> formatter) {
        return new FileSink<>(directory, Objects.requireNonNull(formatter, "formatter"), rollBytes, disk);
    }

    /** This sink committing a part and starting the next once the part holds at least {@code bytes}. */
    public FileSink<T> withRollBytes(long bytes) {
        if (bytes < 1) {
            throw new IllegalArgumentException("roll size must be at least one byte, got " + bytes);
        }
        return new FileSink<>(directory, formatter, bytes, disk);
    }

    /**
     * This sink writing through {@code disk}, e.g. one that injects faults in a test. A sink that is
     * shipped with a job must be serializable, and so must the disk.
     */
    FileSink<T> withDisk(Disk disk) {
        return new FileSink<>(directory, formatter, rollBytes, Objects.requireNonNull(disk, "disk"));
    }

    public Path directory() {
        return Path.of(directory);
    }

    public long rollBytes() {
        return rollBytes;
    }

    @Override
    public SinkWriter<T> createWriter(FunctionContext context) throws IOException {
        return new FileSinkWriter<>(disk, Path.of(directory), context.subtaskIndex(), formatter, rollBytes);
    }

    @Override
    public String toString() {
        return "FileSink{" + directory + "}";
    }
}
