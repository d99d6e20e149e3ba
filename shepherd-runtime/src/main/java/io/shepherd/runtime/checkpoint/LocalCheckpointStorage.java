package io.shepherd.runtime.checkpoint;

import io.shepherd.common.io.Disk;
import io.shepherd.common.io.DiskFile;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * {@link CheckpointStorage} in a directory of a local or shared file system, through {@link Disk} so that
 * tests can tear writes and fail forces. The layout is {@link CheckpointLayout}'s; the metadata format is
 * {@link MetadataFormat}'s.
 *
 * <p><b>Why a checkpoint is all or nothing.</b> A state file is forced before its handle is returned. The
 * metadata is written to {@code _metadata.tmp} and forced; the directory is synced, so that the state
 * files' names are durable; then the temp file is renamed to {@code _metadata} (atomic) and the directory
 * synced again. A crash anywhere before the last sync leaves either no {@code _metadata} or a whole one
 * whose state files all survive. Checkpoint directories are durable when created
 * ({@link Disk#createDirectories}).
 */
public final class LocalCheckpointStorage implements CheckpointStorage {

    private static final String TEMP_SUFFIX = ".tmp";

    private final Disk disk;
    private final Path root;

    public LocalCheckpointStorage(Disk disk, Path root) {
        this.disk = disk;
        this.root = root;
    }

    public Path root() {
        return root;
    }

    @Override
    public StateHandle writeState(long checkpointId, CheckpointType type, TaskId task, byte[] bytes) {
        String directory = CheckpointLayout.directory(checkpointId, type);
        String location = directory + "/" + CheckpointLayout.stateFile(task);
        Path file = root.resolve(location);
        try {
            disk.createDirectories(root.resolve(directory));
            if (disk.exists(file)) {
                disk.delete(file); // written before by this task, or left by a crashed run that used this id
            }
            try (DiskFile out = disk.create(file)) {
                out.write(ByteBuffer.wrap(bytes), 0);
                out.force(true);
            }
        } catch (IOException e) {
            throw new CheckpointStorageException(file, "cannot write the state of task " + task + " for "
                    + type.name().toLowerCase() + " " + checkpointId + ": " + e.getMessage(), e);
        }
        return new StateHandle(location, bytes.length, MetadataFormat.crc32c(bytes));
    }

    @Override
    public byte[] readState(StateHandle handle) {
        Path file = root.resolve(handle.location());
        byte[] bytes = readFile(file, "state");
        if (bytes.length != handle.length()) {
            throw new CorruptCheckpointException(file, "state file is " + bytes.length + " bytes but the checkpoint "
                    + "recorded " + handle.length() + " (cut short or overwritten)");
        }
        int crc = MetadataFormat.crc32c(bytes);
        if (crc != handle.crc32c()) {
            throw new CorruptCheckpointException(file, String.format(
                    "state checksum mismatch (recorded %08x, computed %08x): the file is damaged", handle.crc32c(), crc));
        }
        return bytes;
    }

    @Override
    public String writeMetadata(CompletedCheckpoint checkpoint) {
        Path directory = root.resolve(checkpoint.location());
        Path temp = directory.resolve(CheckpointLayout.METADATA_FILE + TEMP_SUFFIX);
        try {
            disk.createDirectories(directory); // a job whose tasks have no state wrote no state files
            if (disk.exists(temp)) {
                disk.delete(temp);
            }
            try (DiskFile out = disk.create(temp)) {
                out.write(ByteBuffer.wrap(MetadataFormat.encode(checkpoint)), 0);
                out.force(true);
            }
            disk.syncDirectory(directory); // the state files' names are durable before the metadata naming them
            disk.rename(temp, directory.resolve(CheckpointLayout.METADATA_FILE));
            disk.syncDirectory(directory);
        } catch (IOException e) {
            throw new CheckpointStorageException(temp, "cannot write the metadata of " + describe(checkpoint) + ": "
                    + e.getMessage(), e);
        }
        return checkpoint.location();
    }

    @Override
    public CompletedCheckpoint readMetadata(String location) {
        Path given = root.resolve(location);
        Path directory = given.getFileName().toString().equals(CheckpointLayout.METADATA_FILE) ? given.getParent() : given;
        Path file = directory.resolve(CheckpointLayout.METADATA_FILE);
        try {
            if (!disk.exists(directory)) {
                throw new CheckpointStorageException(directory, "no such checkpoint or savepoint directory", null);
            }
            if (!disk.exists(file)) {
                throw new CheckpointStorageException(file, "no metadata file: this checkpoint never completed, or was"
                        + " being discarded", null);
            }
        } catch (IOException e) {
            throw new CheckpointStorageException(directory, "cannot read the directory: " + e.getMessage(), e);
        }
        return MetadataFormat.decode(readFile(file, "metadata"), file, locationOf(directory));
    }

    @Override
    public void discard(long checkpointId) {
        for (CheckpointType type : CheckpointType.values()) {
            Path directory = root.resolve(CheckpointLayout.directory(checkpointId, type));
            try {
                if (disk.exists(directory)) {
                    deleteDirectory(directory);
                }
            } catch (IOException e) {
                throw new CheckpointStorageException(directory, "cannot discard checkpoint " + checkpointId + ": "
                        + e.getMessage(), e);
            }
        }
    }

    @Override
    public List<StoredCheckpoint> list() {
        List<StoredCheckpoint> found = new ArrayList<>();
        try {
            collect(root, CheckpointLayout.CHECKPOINT_PREFIX, CheckpointType.CHECKPOINT, found);
            collect(root.resolve(CheckpointLayout.SAVEPOINTS_DIRECTORY), CheckpointLayout.SAVEPOINT_PREFIX,
                    CheckpointType.SAVEPOINT, found);
        } catch (IOException e) {
            throw new CheckpointStorageException(root, "cannot list checkpoints: " + e.getMessage(), e);
        }
        found.sort(Comparator.comparingLong(StoredCheckpoint::id));
        return found;
    }

    private void collect(Path directory, String prefix, CheckpointType type, List<StoredCheckpoint> found)
            throws IOException {
        if (!disk.exists(directory)) {
            return;
        }
        for (Path entry : disk.list(directory)) {
            long id = CheckpointLayout.parseId(entry.getFileName().toString(), prefix);
            if (id >= 0) {
                boolean complete = disk.exists(entry.resolve(CheckpointLayout.METADATA_FILE));
                found.add(new StoredCheckpoint(id, type, CheckpointLayout.directory(id, type), complete));
            }
        }
    }

    /** Metadata first and synced, so that a crash midway leaves an invisible leftover, never a broken checkpoint. */
    private void deleteDirectory(Path directory) throws IOException {
        Path metadata = directory.resolve(CheckpointLayout.METADATA_FILE);
        if (disk.exists(metadata)) {
            disk.delete(metadata);
            disk.syncDirectory(directory);
        }
        for (int round = 1; ; round++) {
            for (Path file : disk.list(directory)) {
                disk.delete(file);
            }
            try {
                disk.delete(directory);
                break;
            } catch (NoSuchFileException directoriesAreNotFiles) {
                // a disk that keeps directories apart from files (the simulated one) leaves the empty directory,
                // which lists as no checkpoint at all
                break;
            } catch (DirectoryNotEmptyException lateSnapshot) {
                // a task was still writing its snapshot of the aborted checkpoint: delete what it wrote too
                if (round == 3) {
                    throw lateSnapshot;
                }
            }
        }
        disk.syncDirectory(directory.getParent());
    }

    private byte[] readFile(Path file, String what) {
        try (DiskFile in = disk.openReadable(file)) {
            long size = in.size();
            if (size > Integer.MAX_VALUE - 16) {
                throw new CorruptCheckpointException(file, what + " file of " + size + " bytes is larger than 2 GiB");
            }
            ByteBuffer bytes = ByteBuffer.allocate((int) size);
            in.readFully(bytes, 0);
            return bytes.array();
        } catch (NoSuchFileException e) {
            throw new CheckpointStorageException(file, what + " file is missing", e);
        } catch (IOException e) {
            throw new CheckpointStorageException(file, "cannot read " + what + ": " + e.getMessage(), e);
        }
    }

    /** Relative to the root when inside it, so that handles stay relative; absolute otherwise. */
    private String locationOf(Path directory) {
        Path normalized = directory.normalize();
        Path normalRoot = root.normalize();
        return normalized.startsWith(normalRoot) && !normalized.equals(normalRoot)
                ? normalRoot.relativize(normalized).toString()
                : normalized.toString();
    }

    private static String describe(CompletedCheckpoint checkpoint) {
        return checkpoint.type().name().toLowerCase() + " " + checkpoint.id();
    }
}
