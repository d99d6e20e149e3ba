package io.shepherd.connectors.file;

import io.shepherd.api.functions.FunctionContext;
import io.shepherd.api.source.Source;
import io.shepherd.api.source.SourceReader;
import io.shepherd.common.io.Disk;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * A bounded, replayable source of the UTF-8 lines of a file, or of every regular file of a
 * directory.
 *
 * <ul>
 *   <li><b>Files.</b> A directory's regular files are read in order of name; hidden files (names
 *       starting with a dot, such as a {@link FileSink}'s in-progress files) and subdirectories are
 *       skipped. Subtask {@code s} of {@code n} reads the files at positions {@code s, s+n, ...}. The
 *       list is taken when the reader is created, so the directory should not change while the job
 *       runs or between a run and its restores.
 *   <li><b>Lines.</b> A line ends at {@code \n} or {@code \r\n}, and the terminator is not part of it;
 *       a lone {@code \r} is text. Empty lines are emitted as empty strings; bytes after the last
 *       terminator form a final line. A line longer than {@link #withMaxLineBytes the maximum}
 *       (1 MiB by default) fails the job with an error naming the file and byte offset.
 *   <li><b>Position.</b> A reader knows the file it reads and the byte offset of its next line, and
 *       keeps them in operator state ({@code "file"}, {@code "offset"}). A reader created over restored
 *       state resumes exactly at the next unread line: no line is emitted twice or skipped. It checks
 *       that the offset still starts a line and fails if the file changed.
 *   <li><b>Polling.</b> A poll emits at most 64 lines and reads at most 64 KiB, so a large file never
 *       holds the engine's thread for long.
 * </ul>
 *
 * <p>{@link #lines} emits the lines as strings; {@link #records} emits {@link LineRecord}s that also
 * carry the file and offset of each line, for output that must say where it came from.
 *
 * <p>Instances are immutable; {@link #withMaxLineBytes} returns a modified copy.
 */
public final class FileLineSource<T> implements Source<T> {
    private static final long serialVersionUID = 1L;

    /** The default longest line, in bytes without the terminator. */
    public static final int DEFAULT_MAX_LINE_BYTES = 1024 * 1024;

    private static final LineMapper<String> LINES = (path, offset, line) -> line;
    private static final LineMapper<LineRecord> RECORDS = LineRecord::new;

    private final String path;
    private final LineMapper<T> mapper;
    private final int maxLineBytes;
    private final Disk disk;

    private FileLineSource(String path, LineMapper<T> mapper, int maxLineBytes, Disk disk) {
        this.path = path;
        this.mapper = mapper;
        this.maxLineBytes = maxLineBytes;
        this.disk = disk;
    }

    /** The lines of {@code path} (a file or a directory of files) as strings. */
    public static FileLineSource<String> lines(Path path) {
        return new FileLineSource<>(requirePath(path), LINES, DEFAULT_MAX_LINE_BYTES, Disk.local());
    }

    /** The lines of {@code path} (a file or a directory of files) with their files and byte offsets. */
    public static FileLineSource<LineRecord> records(Path path) {
        return new FileLineSource<>(requirePath(path), RECORDS, DEFAULT_MAX_LINE_BYTES, Disk.local());
    }

    /** This source with another longest allowed line, in bytes without the terminator. */
    public FileLineSource<T> withMaxLineBytes(int maxLineBytes) {
        if (maxLineBytes < 1 || maxLineBytes > Integer.MAX_VALUE - 16) {
            throw new IllegalArgumentException("max line length must be between 1 and " + (Integer.MAX_VALUE - 16)
                    + " bytes, got " + maxLineBytes);
        }
        return new FileLineSource<>(path, mapper, maxLineBytes, disk);
    }

    /**
     * This source reading through {@code disk}, e.g. one that injects faults in a test. A source that
     * is shipped with a job must be serializable, and so must the disk.
     */
    FileLineSource<T> withDisk(Disk disk) {
        return new FileLineSource<>(path, mapper, maxLineBytes, Objects.requireNonNull(disk, "disk"));
    }

    public Path path() {
        return Path.of(path);
    }

    public int maxLineBytes() {
        return maxLineBytes;
    }

    @Override
    public SourceReader<T> createReader(FunctionContext context) throws IOException {
        List<Path> files = SourceFiles.list(Path.of(path));
        List<Path> share = SourceFiles.share(files, context.subtaskIndex(), context.parallelism());
        return new FileLineReader<>(disk, share, mapper, maxLineBytes, context);
    }

    @Override
    public String toString() {
        return "FileLineSource{" + path + "}";
    }

    private static String requirePath(Path path) {
        return Objects.requireNonNull(path, "path").toString();
    }
}
