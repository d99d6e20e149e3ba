package io.shepherd.common.io;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.stream.Stream;

/**
 * {@link Disk} over the machine's file system. Directory sync opens the directory and forces it,
 * which is how POSIX makes names durable; it is what Linux and macOS support.
 */
enum LocalDisk implements Disk {
    INSTANCE;

    /** The name of the file whose OS lock stands for a {@link #lock directory lock}. */
    static final String LOCK_FILE = ".lock";

    @Override
    public DiskFile create(Path file) throws IOException {
        return open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.READ, StandardOpenOption.WRITE);
    }

    @Override
    public DiskFile openWritable(Path file) throws IOException {
        return open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
    }

    @Override
    public DiskFile openReadable(Path file) throws IOException {
        return open(file, StandardOpenOption.READ);
    }

    private static DiskFile open(Path file, StandardOpenOption... options) throws IOException {
        return new LocalDiskFile(file, FileChannel.open(file, options));
    }

    @Override
    public boolean exists(Path path) {
        return Files.exists(path);
    }

    @Override
    public List<Path> list(Path directory) throws IOException {
        try (Stream<Path> entries = Files.list(directory)) {
            return entries.sorted().toList();
        }
    }

    @Override
    public void delete(Path file) throws IOException {
        Files.delete(file);
    }

    @Override
    public void rename(Path source, Path target) throws IOException {
        Files.move(source, target, StandardCopyOption.ATOMIC_MOVE);
    }

    @Override
    public void createDirectories(Path directory) throws IOException {
        // Sync each new directory's parent, deepest last, so that the whole chain survives a crash.
        Deque<Path> missing = new ArrayDeque<>();
        for (Path p = directory.toAbsolutePath(); p != null && !Files.isDirectory(p); p = p.getParent()) {
            missing.push(p);
        }
        Files.createDirectories(directory);
        for (Path created : missing) {
            if (created.getParent() != null) {
                syncDirectory(created.getParent());
            }
        }
    }

    @Override
    public void syncDirectory(Path directory) throws IOException {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            throw new IOException(directory + ": directory sync failed: " + e.getMessage(), e);
        }
    }

    @Override
    public DirectoryLock lock(Path directory) throws IOException {
        Path lockFile = directory.resolve(LOCK_FILE);
        FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            channel.close();
            throw new IOException(directory + " is already locked by this process; close the other user first", e);
        } catch (IOException e) {
            channel.close();
            throw e;
        }
        if (lock == null) {
            channel.close();
            throw new IOException(directory + " is locked by another process (" + lockFile
                    + "); stop it before opening this directory for writing");
        }
        return new DirectoryLock() {
            @Override
            public Path directory() {
                return directory;
            }

            @Override
            public void close() throws IOException {
                channel.close(); // releases the lock
            }
        };
    }
}
