package io.shepherd.connectors.file;

import io.shepherd.api.sink.Committer;
import io.shepherd.common.io.Disk;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Phase two of a {@link FileSink} for one subtask: publishes pending parts by renaming them to their
 * committed names, and on restore deletes the subtask's parts that were never committed.
 *
 * <p>Commits are idempotent because a rename is atomic: a part is either still pending (rename it) or
 * already committed (skip it). A part that is neither was lost after it was pre-committed, and the
 * commit fails saying so rather than finish without it.
 */
final class FileCommitter implements Committer<PendingPart> {
    private final Disk disk;
    private final Path directory;
    private final int subtask;

    FileCommitter(Disk disk, Path directory, int subtask) {
        this.disk = disk;
        this.directory = directory;
        this.subtask = subtask;
    }

    /** Renames each pending part to its committed name, then makes the renames durable with one directory sync. */
    @Override
    public void commit(List<PendingPart> parts) throws IOException {
        boolean renamed = false;
        for (PendingPart part : parts) {
            renamed |= publish(part);
        }
        if (renamed) {
            syncDirectory("commit");
        }
    }

    private boolean publish(PendingPart part) throws IOException {
        Path pending = directory.resolve(PartNames.pending(part.name()));
        Path committed = directory.resolve(part.name());
        boolean isPending = disk.exists(pending);
        boolean isCommitted = disk.exists(committed);
        if (isCommitted && !isPending) {
            return false;
        }
        if (isCommitted) {
            throw new IOException("file sink: cannot commit '" + pending + "': '" + committed + "' exists already and"
                    + " would be replaced; is another job writing to the same directory?");
        }
        if (!isPending) {
            throw new IOException("file sink: pre-committed part '" + part.name() + "' is lost: neither '" + pending
                    + "' nor '" + committed + "' exists. Its records are missing from the output; was the directory"
                    + " cleaned up, or the job restored from a checkpoint older than its output?");
        }
        long size = size(pending);
        if (size != part.bytes()) {
            throw new IOException("file sink: pending part '" + pending + "' has " + size + " bytes but was"
                    + " pre-committed with " + part.bytes() + "; it was damaged or replaced, so it is not published");
        }
        disk.rename(pending, committed);
        return true;
    }

    /** Deletes this subtask's in-progress and pending parts: output not covered by a committed checkpoint. */
    @Override
    public void abortUncommitted() throws IOException {
        if (!disk.exists(directory)) {
            return; // nothing was ever written
        }
        boolean deleted = false;
        for (Path entry : disk.list(directory)) {
            if (PartNames.isUncommittedOf(subtask, entry.getFileName().toString())) {
                disk.delete(entry);
                deleted = true;
            }
        }
        if (deleted) {
            syncDirectory("abort");
        }
    }

    private long size(Path file) throws IOException {
        try (var handle = disk.openReadable(file)) {
            return handle.size();
        }
    }

    private void syncDirectory(String what) throws IOException {
        try {
            disk.syncDirectory(directory);
        } catch (IOException e) {
            throw new IOException("file sink: cannot make the " + what + " in '" + directory + "' durable: "
                    + e.getMessage(), e);
        }
    }
}
