package io.shepherd.wal;

import io.shepherd.common.io.DirectoryLock;
import io.shepherd.common.io.Disk;
import io.shepherd.common.io.DiskFile;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * A disk that tracks what {@link io.shepherd.testkit.disk.SimulatedDisk} simplifies away: {@code force(false)}
 * makes a file's bytes durable but not its length; only {@code force(true)} commits the length. A test asks
 * {@link #committedLength} whether an acknowledged record lies within the length a crash would keep.
 * Delegates everything to another disk.
 */
final class LengthCheckingDisk implements Disk {

    private final Disk disk;
    private final ConcurrentHashMap<Path, Long> committedLength = new ConcurrentHashMap<>();
    /** The metadata flag of every force, in order. */
    final ConcurrentLinkedQueue<Boolean> forces = new ConcurrentLinkedQueue<>();

    LengthCheckingDisk(Disk disk) {
        this.disk = disk;
    }

    /**
     * A length the last {@code force(true)} of {@code file} committed (at least this much: the size is read
     * just before the force), or -1 if none since the file was opened.
     */
    long committedLength(Path file) {
        return committedLength.getOrDefault(file, -1L);
    }

    @Override
    public DiskFile create(Path file) throws IOException {
        return new Checked(disk.create(file));
    }

    @Override
    public DiskFile openWritable(Path file) throws IOException {
        // An existing file's length is whatever survived; nothing says it was committed.
        committedLength.remove(file);
        return new Checked(disk.openWritable(file));
    }

    @Override
    public DiskFile openReadable(Path file) throws IOException {
        return disk.openReadable(file);
    }

    @Override
    public boolean exists(Path path) throws IOException {
        return disk.exists(path);
    }

    @Override
    public List<Path> list(Path directory) throws IOException {
        return disk.list(directory);
    }

    @Override
    public void delete(Path file) throws IOException {
        disk.delete(file);
    }

    @Override
    public void rename(Path source, Path target) throws IOException {
        disk.rename(source, target);
        Long length = committedLength.remove(source);
        if (length != null) {
            committedLength.put(target, length);
        }
    }

    @Override
    public void createDirectories(Path directory) throws IOException {
        disk.createDirectories(directory);
    }

    @Override
    public void syncDirectory(Path directory) throws IOException {
        disk.syncDirectory(directory);
    }

    @Override
    public DirectoryLock lock(Path directory) throws IOException {
        return disk.lock(directory);
    }

    private final class Checked implements DiskFile {
        private final DiskFile file;

        Checked(DiskFile file) {
            this.file = file;
        }

        @Override
        public Path path() {
            return file.path();
        }

        @Override
        public int read(ByteBuffer dst, long position) throws IOException {
            return file.read(dst, position);
        }

        @Override
        public void write(ByteBuffer src, long position) throws IOException {
            file.write(src, position);
        }

        @Override
        public long size() throws IOException {
            return file.size();
        }

        @Override
        public void truncate(long size) throws IOException {
            file.truncate(size);
        }

        @Override
        public void force(boolean metadata) throws IOException {
            long size = file.size();
            file.force(metadata);
            forces.add(metadata);
            if (metadata) {
                committedLength.put(file.path(), size);
            }
        }

        @Override
        public void close() throws IOException {
            file.close();
        }
    }
}
