package io.shepherd.connectors.file;

import io.shepherd.common.io.Disk;
import io.shepherd.common.io.DiskFile;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;

/**
 * One part file of a {@link FileSink} while it is written, under its in-progress name. Writes are
 * buffered in memory and appended to the file when the buffer fills.
 *
 * <p>States: <b>open</b> (writable; {@link #flush} makes everything written so far durable) →
 * <b>sealed</b> ({@link #seal}: forced, closed and renamed to its pending name, see {@link PartNames})
 * or <b>abandoned</b> ({@link #abandon}: closed without flushing, left under its in-progress name). A
 * failed write or force leaves it <b>broken</b>: what was not forced may be lost, so it refuses further
 * use rather than pretend otherwise. Making the pending name visible to the world is the
 * {@link FileCommitter}'s job.
 *
 * <p>Not thread-safe.
 */
final class PartFile {
    static final int BUFFER_BYTES = 64 * 1024;

    private enum State {
        OPEN,
        SEALED,
        ABANDONED,
        BROKEN
    }

    private final Disk disk;
    private final Path directory;
    private final String name;
    private final Path inProgress;
    private final DiskFile file;
    private final ByteBuffer buffer = ByteBuffer.allocate(BUFFER_BYTES);
    private long written;
    private long size;
    private boolean unflushed;
    private boolean nameDurable;
    private State state = State.OPEN;

    private PartFile(Disk disk, Path directory, String name, Path inProgress, DiskFile file) {
        this.disk = disk;
        this.directory = directory;
        this.name = name;
        this.inProgress = inProgress;
        this.file = file;
    }

    /** Creates the in-progress file of the part that will be committed as {@code committedName}. */
    static PartFile create(Disk disk, Path directory, String committedName) throws IOException {
        Path inProgress = directory.resolve(PartNames.inProgress(committedName));
        try {
            return new PartFile(disk, directory, committedName, inProgress, disk.create(inProgress));
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

    /** Writes out the buffer and forces the file, so everything written so far survives a crash. */
    void flush() throws IOException {
        requireOpen();
        if (!unflushed && nameDurable) {
            return;
        }
        force();
        try {
            if (!nameDurable) {
                // A new file's name is durable only once its directory is synced; without it a
                // crash could lose the file together with everything forced into it.
                disk.syncDirectory(directory);
                nameDurable = true;
            }
        } catch (IOException e) {
            state = State.BROKEN;
            throw new IOException("file sink: cannot make the name of '" + inProgress + "' durable: " + e.getMessage()
                    + "; what was written to it must be treated as lost", e);
        }
    }

    /**
     * Forces, closes and renames this part to its pending name. The rename is durable only once the
     * caller syncs the directory, which it does once for all the parts it seals together.
     *
     * @return what committing the part takes
     */
    PendingPart seal() throws IOException {
        requireOpen();
        force();
        try {
            file.close();
            disk.rename(inProgress, directory.resolve(PartNames.pending(name)));
        } catch (IOException e) {
            state = State.BROKEN;
            throw new IOException("file sink: cannot seal '" + inProgress + "' as pending: " + e.getMessage(), e);
        }
        state = State.SEALED;
        return new PendingPart(name, size);
    }

    /**
     * Closes the file without flushing, after a failure: it stays under its in-progress name with
     * whatever reached it, until the committer aborts it on restore. Safe to call in any state.
     */
    void abandon() throws IOException {
        if (state == State.OPEN || state == State.BROKEN) {
            state = State.ABANDONED;
            file.close();
        }
    }

    private void force() throws IOException {
        drain();
        try {
            file.force(true);
        } catch (IOException e) {
            state = State.BROKEN;
            throw new IOException("file sink: cannot make '" + inProgress + "' durable: " + e.getMessage()
                    + "; what was written since the last flush must be treated as lost", e);
        }
        unflushed = false;
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
