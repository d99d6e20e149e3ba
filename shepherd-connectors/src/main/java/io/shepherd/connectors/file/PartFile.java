package io.shepherd.connectors.file;

import io.shepherd.common.io.Disk;
import io.shepherd.common.io.DiskFile;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;

/**
 * One part file of a {@link FileSink}, from creation under its in-progress name to its commit under
 * its final name. Writes are buffered in memory and appended to the file when the buffer fills.
 *
 * <p>States: <b>open</b> (writable; {@link #flush} makes everything written so far durable) →
 * <b>committed</b> ({@link #commit}: flushed, closed, renamed to its final name, the rename made
 * durable) or <b>abandoned</b> ({@link #abandon}: closed without flushing, left under its
 * in-progress name). A failed write or force leaves it <b>broken</b>: what was not forced may be
 * lost, so it refuses further use rather than pretend otherwise.
 *
 * <p>This is the unit a two-phase-commit sink builds on: pre-commit is {@link #flush} and closing,
 * commit is the rename.
 *
 * <p>Not thread-safe.
 */
final class PartFile {
    static final int BUFFER_BYTES = 64 * 1024;

    private enum State {
        OPEN,
        COMMITTED,
        ABANDONED,
        BROKEN
    }

    private final Disk disk;
    private final Path directory;
    private final Path inProgress;
    private final Path committed;
    private final DiskFile file;
    private final ByteBuffer buffer = ByteBuffer.allocate(BUFFER_BYTES);
    private long written;
    private long size;
    private boolean unflushed;
    private boolean nameDurable;
    private State state = State.OPEN;

    private PartFile(Disk disk, Path directory, Path inProgress, Path committed, DiskFile file) {
        this.disk = disk;
        this.directory = directory;
        this.inProgress = inProgress;
        this.committed = committed;
        this.file = file;
    }

    /** Creates the in-progress file of the part that will be committed as {@code committedName}. */
    static PartFile create(Disk disk, Path directory, String committedName) throws IOException {
        Path committed = directory.resolve(committedName);
        Path inProgress = directory.resolve(PartNames.inProgress(committedName));
        if (disk.exists(committed)) {
            throw new IOException("file sink: part file '" + committed + "' exists already; is another job writing"
                    + " to the same directory?");
        }
        try {
            return new PartFile(disk, directory, inProgress, committed, disk.create(inProgress));
        } catch (IOException e) {
            throw new IOException("file sink: cannot create part file '" + inProgress + "': " + e.getMessage()
                    + "; check that the directory is writable and that no other job writes to it", e);
        }
    }

    /** Appends {@code bytes} and a line feed. */
    void writeLine(byte[] bytes) throws IOException {
        requireOpen();
        if (bytes.length + 1 > buffer.remaining()) {
            drain();
        }
        if (bytes.length + 1 > buffer.capacity()) {
            append(ByteBuffer.wrap(bytes));
        } else {
            buffer.put(bytes);
        }
        buffer.put((byte) '\n');
        size += bytes.length + 1;
        unflushed = true;
    }

    /** Bytes written to this part so far, buffered ones included. */
    long size() {
        return size;
    }

    /** Whether anything was written since the last {@link #flush}. */
    boolean hasUnflushed() {
        return unflushed;
    }

    Path inProgressPath() {
        return inProgress;
    }

    Path committedPath() {
        return committed;
    }

    /** Writes out the buffer and forces the file, so everything written so far survives a crash. */
    void flush() throws IOException {
        requireOpen();
        if (!unflushed && nameDurable) {
            return;
        }
        drain();
        try {
            file.force(true);
            if (!nameDurable) {
                // A new file's name is durable only once its directory is synced; without it a
                // crash could lose the file together with everything forced into it.
                disk.syncDirectory(directory);
                nameDurable = true;
            }
        } catch (IOException e) {
            state = State.BROKEN;
            throw new IOException("file sink: cannot make '" + inProgress + "' durable: " + e.getMessage()
                    + "; what was written since the last flush must be treated as lost", e);
        }
        unflushed = false;
    }

    /** Flushes, closes and renames this part to its final name, durably; returns that name. */
    Path commit() throws IOException {
        flush();
        try {
            file.close();
            if (disk.exists(committed)) {
                throw new IOException("the final name exists already; is another job writing to the same directory?");
            }
            disk.rename(inProgress, committed);
            disk.syncDirectory(directory);
        } catch (IOException e) {
            state = State.BROKEN;
            throw new IOException("file sink: cannot commit '" + inProgress + "' as '" + committed + "': "
                    + e.getMessage(), e);
        }
        state = State.COMMITTED;
        return committed;
    }

    /**
     * Closes the file without flushing, after a failure: it stays under its in-progress name with
     * whatever reached it. Safe to call in any state.
     */
    void abandon() throws IOException {
        if (state == State.OPEN || state == State.BROKEN) {
            state = State.ABANDONED;
            file.close();
        }
    }

    private void drain() throws IOException {
        buffer.flip();
        try {
            append(buffer);
        } finally {
            buffer.clear();
        }
    }

    private void append(ByteBuffer bytes) throws IOException {
        int length = bytes.remaining();
        try {
            file.write(bytes, written);
        } catch (IOException e) {
            state = State.BROKEN;
            throw new IOException("file sink: cannot write to '" + inProgress + "' at byte offset " + written + ": "
                    + e.getMessage(), e);
        }
        written += length;
    }

    private void requireOpen() {
        if (state != State.OPEN) {
            throw new IllegalStateException("file sink: part file '" + inProgress + "' is " + state.name().toLowerCase()
                    + " and takes no more writes");
        }
    }
}
