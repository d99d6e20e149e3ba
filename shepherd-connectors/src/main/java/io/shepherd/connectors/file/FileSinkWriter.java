package io.shepherd.connectors.file;

import io.shepherd.api.sink.TwoPhaseCommitWriter;
import io.shepherd.common.io.Disk;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes one subtask's records as lines into a sequence of {@link PartFile}s, sealing a part as
 * pending once it reaches the roll size and starting the next with the next record.
 *
 * <p>Two ways to commit, decided by how the writer is driven:
 *
 * <ul>
 *   <li><b>By the engine</b> (two-phase commit): {@link #preCommit} seals the current part and hands
 *       every part sealed since the last call to the engine, which commits them when the checkpoint
 *       completes. From the first {@code preCommit} on, this writer never commits anything itself.
 *   <li><b>On its own</b>, as a plain sink writer that is never pre-committed: when it is closed right
 *       after a {@link #flush} (the end of the input), it commits everything it wrote. Closed with
 *       unflushed writes (after a failure) it leaves its parts hidden, for a restore to abort.
 * </ul>
 */
final class FileSinkWriter<T> implements TwoPhaseCommitWriter<T, PendingPart> {
    private final Disk disk;
    private final Path directory;
    private final int subtask;
    private final String writerId;
    private final LineFormatter<? super T> formatter;
    private final long rollBytes;
    private final FileCommitter committer;
    private final List<PendingPart> sealed = new ArrayList<>();
    private long nextPart;
    private PartFile current;
    private boolean unflushedWrites;
    private boolean unsyncedSeals;
    private boolean engineCommits;

    FileSinkWriter(Disk disk, Path directory, int subtask, String writerId, LineFormatter<? super T> formatter,
            long rollBytes) throws IOException {
        this.disk = disk;
        this.directory = directory;
        this.subtask = subtask;
        this.writerId = writerId;
        this.formatter = formatter;
        this.rollBytes = rollBytes;
        this.committer = new FileCommitter(disk, directory, subtask);
        try {
            disk.createDirectories(directory);
        } catch (IOException e) {
            throw new IOException("file sink: cannot use output directory '" + directory + "': " + e.getMessage()
                    + "; give a path that is a writable directory or can be created as one", e);
        }
    }

    @Override
    public void write(T record) throws IOException {
        byte[] line = encode(record);
        if (current == null) {
            current = PartFile.create(disk, directory, PartNames.committed(subtask, writerId, nextPart++));
        }
        unflushedWrites = true;
        current.writeLine(line);
        if (current.size() >= rollBytes) {
            sealCurrent();
        }
    }

    /** Makes everything written so far durable, the names of sealed parts included; the current part stays open. */
    @Override
    public void flush() throws IOException {
        if (current != null) {
            current.flush();
        }
        syncSealedNames("flush");
        unflushedWrites = false;
    }

    /**
     * Seals the current part and returns every part sealed since the last call, their pending names
     * made durable.
     */
    @Override
    public List<PendingPart> preCommit(long checkpointId) throws IOException {
        engineCommits = true; // set first: a pre-commit that fails half-way must not be committed by close()
        List<PendingPart> parts = sealAll();
        syncSealedNames("pre-commit of checkpoint " + checkpointId);
        return parts;
    }

    /**
     * Commits everything if this writer commits on its own and was flushed after its last write (the
     * input ended); otherwise leaves the current part in progress (a failure, or the engine commits).
     */
    @Override
    public void close() throws IOException {
        if (!engineCommits && !unflushedWrites) {
            committer.commit(sealAll());
        } else if (current != null) {
            PartFile last = current;
            current = null;
            last.abandon();
        }
    }

    private List<PendingPart> sealAll() throws IOException {
        if (current != null) {
            sealCurrent();
        }
        List<PendingPart> parts = List.copyOf(sealed);
        sealed.clear();
        return parts;
    }

    private void sealCurrent() throws IOException {
        sealed.add(current.seal()); // a part that fails to seal stays current, for close() to abandon
        current = null;
        unsyncedSeals = true;
    }

    /** Makes the pending names of the parts sealed since the last call durable, with one directory sync. */
    private void syncSealedNames(String what) throws IOException {
        if (!unsyncedSeals) {
            return;
        }
        try {
            disk.syncDirectory(directory);
        } catch (IOException e) {
            throw new IOException("file sink: cannot make the pending parts of '" + directory + "' durable at the "
                    + what + ": " + e.getMessage(), e);
        }
        unsyncedSeals = false;
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
