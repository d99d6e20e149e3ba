package io.shepherd.common.io;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The narrow file-system interface that durable components (the write-ahead log, checkpoint storage,
 * file sinks) do all their I/O through, so that a test can substitute a disk that loses, tears and
 * corrupts data. {@link #local()} is the real one.
 *
 * <h2>What is durable after which call</h2>
 *
 * <ul>
 *   <li><b>File contents.</b> Bytes passed to {@link DiskFile#write} are in the operating system's
 *       cache when it returns; they are durable only once a later {@link DiskFile#force} on the same
 *       file returns normally. Until then a crash may keep none, all, or a prefix of them (a write
 *       torn at an arbitrary byte).
 *   <li><b>File length.</b> A length change (a write past the end, {@link DiskFile#truncate}) is
 *       durable after {@code force(true)}. {@code force(false)} promises only the bytes, so callers that
 *       append use {@code force(true)} or write into space whose length is already durable.
 *   <li><b>Names.</b> Creating, deleting and renaming a file change its directory, and are durable only
 *       after {@link #syncDirectory} on that directory returns. A file whose creation was not made
 *       durable may vanish in a crash, together with everything forced into it.
 *   <li><b>Renames</b> are atomic: after a crash the target name refers to the old or the new file,
 *       never to a mixture. Writing a temporary file, forcing it, renaming it over the target and
 *       syncing the directory is therefore the way to replace a file atomically and durably.
 *   <li><b>Failed forces.</b> If {@code force} throws, the bytes written since the last successful
 *       force may already be lost although reads still return them, and a later {@code force} that
 *       succeeds does not bring them back (Linux drops dirty pages after a writeback error and clears
 *       the error). Callers treat a failed force as the loss of those writes and never retry it.
 *   <li><b>Directories</b> made with {@link #createDirectories} are durable when it returns.
 * </ul>
 *
 * <p>Every failure is an {@link IOException} whose message names the file; running out of space is an
 * {@link OutOfSpaceException}. Implementations are safe for use by several threads; a single
 * {@link DiskFile} may be used by several threads for positional reads and writes.
 */
public interface Disk {

    /** The machine's file system, through {@link java.nio.channels.FileChannel}. */
    static Disk local() {
        return LocalDisk.INSTANCE;
    }

    /** Creates a new, empty file open for reading and writing; fails if the name already exists. */
    DiskFile create(Path file) throws IOException;

    /** Opens an existing file for reading and writing. */
    DiskFile openWritable(Path file) throws IOException;

    /** Opens an existing file for reading only; writes, truncation and forces through it fail. */
    DiskFile openReadable(Path file) throws IOException;

    /** Whether a file or directory with this name exists now (durably or not). */
    boolean exists(Path path) throws IOException;

    /** The entries of a directory (files and subdirectories), sorted by name. */
    List<Path> list(Path directory) throws IOException;

    /** Removes a file's name; open handles stay usable, as on POSIX. Fails if there is no such file. */
    void delete(Path file) throws IOException;

    /** Atomically renames {@code source} to {@code target} in the same directory, replacing it. */
    void rename(Path source, Path target) throws IOException;

    /** Creates a directory and any missing parents, durably. Does nothing if it exists. */
    void createDirectories(Path directory) throws IOException;

    /** Makes the creations, deletions and renames done so far in {@code directory} durable. */
    void syncDirectory(Path directory) throws IOException;

    /**
     * Takes an exclusive lock on a directory, held until the returned lock is closed or the process
     * ends, so that two processes never write the same files. Fails with an {@link IOException} naming
     * the directory if someone else holds it.
     */
    DirectoryLock lock(Path directory) throws IOException;
}
