package io.shepherd.connectors.writeahead;

import io.shepherd.common.io.Disk;
import io.shepherd.common.io.DiskFile;
import io.shepherd.connectors.file.LineFormatter;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * An idempotent target that writes each batch it receives as a file of lines, named after the batch:
 * {@code batch-<subtask>-<first sequence>}. The file is written under a hidden temporary name, forced,
 * and renamed over its final name, so a batch sent again replaces its file with the same content.
 *
 * <p>A batch is the same in every attempt only while the sink's {@link WriteAheadSink#withBatchRecords
 * batch size} stays the same; do not change it between a failure and the restore that follows.
 */
public final class DirectoryTarget<T> implements IdempotentTarget<T> {
    private static final long serialVersionUID = 1L;

    private final String directory;
    private final LineFormatter<? super T> formatter;
    private final Disk disk;

    private DirectoryTarget(String directory, LineFormatter<? super T> formatter, Disk disk) {
        this.directory = directory;
        this.formatter = formatter;
        this.disk = disk;
    }

    /** A target writing each record's {@code toString()} as a line into batch files of {@code directory}. */
    public static <T> DirectoryTarget<T> in(Path directory) {
        return new DirectoryTarget<>(Objects.requireNonNull(directory, "directory").toString(), String::valueOf,
                Disk.local());
    }

    /** This target writing the text {@code formatter} makes of each record. */
    public DirectoryTarget<T> withFormatter(LineFormatter<? super T> formatter) {
        return new DirectoryTarget<>(directory, Objects.requireNonNull(formatter, "formatter"), disk);
    }

    @Override
    public void write(long checkpointId, List<SequencedRecord<T>> records) throws IOException {
        if (records.isEmpty()) {
            return;
        }
        SequencedRecord<T> first = records.get(0);
        String name = "batch-" + first.subtask() + "-" + first.sequence();
        Path dir = Path.of(directory);
        Path temporary = dir.resolve("." + name + ".tmp");
        disk.createDirectories(dir);
        if (disk.exists(temporary)) {
            disk.delete(temporary); // left by an attempt a crash interrupted
        }
        try (DiskFile file = disk.create(temporary)) {
            file.write(ByteBuffer.wrap(lines(records)), 0);
            file.force(true);
        }
        disk.rename(temporary, dir.resolve(name));
        disk.syncDirectory(dir);
    }

    private byte[] lines(List<SequencedRecord<T>> records) {
        StringBuilder text = new StringBuilder();
        for (SequencedRecord<T> record : records) {
            String line = formatter.format(record.value());
            if (line == null || line.indexOf('\n') >= 0 || line.indexOf('\r') >= 0) {
                throw new IllegalArgumentException("directory target '" + directory + "': record " + record.value()
                        + " formats to " + (line == null ? "null" : "text with a line break")
                        + "; use a formatter that returns one line of text");
            }
            text.append(line).append('\n');
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "DirectoryTarget{" + directory + "}";
    }
}
