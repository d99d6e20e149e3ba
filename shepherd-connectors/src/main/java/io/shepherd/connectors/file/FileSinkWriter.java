package io.shepherd.connectors.file;

import io.shepherd.api.sink.SinkWriter;
import io.shepherd.common.io.Disk;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Writes one subtask's records as lines into a sequence of {@link PartFile}s, committing a part
 * once it reaches the roll size and starting the next with the next record. Parts are numbered on
 * from the highest number this subtask already has in the directory.
 */
final class FileSinkWriter<T> implements SinkWriter<T> {
    private final Disk disk;
    private final Path directory;
    private final int subtask;
    private final LineFormatter<? super T> formatter;
    private final long rollBytes;
    private long nextPart;
    private PartFile current;

    FileSinkWriter(Disk disk, Path directory, int subtask, LineFormatter<? super T> formatter, long rollBytes)
            throws IOException {
        this.disk = disk;
        this.directory = directory;
        this.subtask = subtask;
        this.formatter = formatter;
        this.rollBytes = rollBytes;
        try {
            disk.createDirectories(directory);
            this.nextPart = PartNames.firstFree(disk, directory, subtask);
        } catch (IOException e) {
            throw new IOException("file sink: cannot use output directory '" + directory + "': " + e.getMessage()
                    + "; give a path that is a writable directory or can be created as one", e);
        }
    }

    @Override
    public void write(T record) throws IOException {
        byte[] line = encode(record);
        if (current == null) {
            current = PartFile.create(disk, directory, PartNames.committed(subtask, nextPart++));
        }
        current.writeLine(line);
        if (current.size() >= rollBytes) {
            PartFile full = current;
            current = null;
            full.commit();
        }
    }

    /** Makes everything written so far durable; the current part stays open. */
    @Override
    public void flush() throws IOException {
        if (current != null) {
            current.flush();
        }
    }

    /**
     * Commits the current part if everything in it was flushed (the input ended), otherwise leaves it
     * in progress (the job failed, and what it holds is not known to be complete).
     */
    @Override
    public void close() throws IOException {
        if (current == null) {
            return;
        }
        PartFile last = current;
        current = null;
        if (last.hasUnflushed()) {
            last.abandon();
        } else {
            last.commit();
        }
    }

    private byte[] encode(T record) {
        String text = formatter.format(record);
        if (text == null) {
            throw new IllegalArgumentException("file sink '" + directory + "': the formatter returned null for record "
                    + record + "; a formatter must return the line's text");
        }
        if (text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
            throw new IllegalArgumentException("file sink '" + directory + "': record " + abbreviate(text)
                    + " formats to text with a line break, which would split it over several lines; use a formatter"
                    + " that escapes or removes line breaks");
        }
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String abbreviate(String text) {
        String escaped = text.replace("\r", "\\r").replace("\n", "\\n");
        return escaped.length() <= 80 ? "'" + escaped + "'" : "'" + escaped.substring(0, 77) + "...'";
    }
}
