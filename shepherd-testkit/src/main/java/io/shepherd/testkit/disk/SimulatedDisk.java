package io.shepherd.testkit.disk;

import io.shepherd.common.io.DirectoryLock;
import io.shepherd.common.io.Disk;
import io.shepherd.common.io.DiskFile;
import io.shepherd.common.io.OutOfSpaceException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * An in-memory {@link Disk} that loses, tears and corrupts data the way real disks do, driven by a seed
 * so that every failure replays.
 *
 * <p>It keeps, for every file, what the OS cache shows and what is on the medium, and for every
 * directory, its names now and on the medium; the difference between the two is the list of changes
 * since the last {@code force} / {@code syncDirectory}, in order. Faults:
 *
 * <ul>
 *   <li>{@link #crash()} — a power loss: for each file a random prefix of its unforced writes reaches the
 *       medium, the next one torn at an arbitrary byte; for each directory a random prefix of its
 *       unsynced name changes survives. Open handles and locks die.
 *   <li>{@link #kill()} — a process death: handles and locks die, the cache survives (nothing is lost).
 *   <li>{@link #haltAfter(long)} — a power cut at a chosen point: after that many more mutating
 *       operations every operation fails until {@link #crash()}.
 *   <li>{@link #failForces}, {@link #failWrites}, {@link #failDirectorySyncs} — scheduled I/O errors. A
 *       failed force loses the file's unforced writes for good, as on Linux, even though reads still
 *       return them; a failed write leaves a random prefix of its bytes behind.
 *   <li>{@link #limitSpace(long)} — writes past a byte budget fail with {@link OutOfSpaceException}
 *       after writing the part that fits.
 *   <li>{@link #flipBit}, {@link #flipRandomBit} — corruption on the medium.
 * </ul>
 *
 * <p>Simplifications: {@code force(false)} and {@code force(true)} both persist contents and length;
 * directories themselves are durable as soon as they are made; renames stay within one directory.
 * Thread-safe (one lock); {@link DiskObserver} hooks run outside it.
 */
public final class SimulatedDisk implements Disk {

    private enum FaultKind { WRITE, FORCE, DIRECTORY_SYNC }

    private static final class Fault {
        final FaultKind kind;
        final Predicate<Path> which;
        int remaining;

        Fault(FaultKind kind, Predicate<Path> which, int remaining) {
            this.kind = kind;
            this.which = which;
            this.remaining = remaining;
        }
    }

    private final SplittableRandom random;
    private final TreeMap<Path, SimDirectory> directories = new TreeMap<>();
    private final Set<Path> locked = new HashSet<>();
    private final List<Fault> faults = new ArrayList<>();
    private long generation;
    private long spaceLimitBytes = Long.MAX_VALUE;
    private long operationsUntilHalt = -1;
    private boolean halted;
    private volatile DiskObserver observer = DiskObserver.NONE;

    /** A disk whose random choices (crash cuts, torn bytes, random bit flips) all derive from {@code seed}. */
    public SimulatedDisk(long seed) {
        this.random = new SplittableRandom(seed);
    }

    // ---------------------------------------------------------------- faults and observation

    /** Installs hooks that see (and may stall) writes, forces and directory syncs. */
    public void setObserver(DiskObserver observer) {
        this.observer = observer == null ? DiskObserver.NONE : observer;
    }

    /** The next {@code count} forces of files matching {@code which} fail, losing those files' unforced writes. */
    public synchronized void failForces(Predicate<Path> which, int count) {
        faults.add(new Fault(FaultKind.FORCE, which, count));
    }

    /** The next {@code count} writes to matching files fail after writing a random prefix of their bytes. */
    public synchronized void failWrites(Predicate<Path> which, int count) {
        faults.add(new Fault(FaultKind.WRITE, which, count));
    }

    /** The next {@code count} syncs of matching directories fail; their unsynced name changes stay unsynced. */
    public synchronized void failDirectorySyncs(Predicate<Path> which, int count) {
        faults.add(new Fault(FaultKind.DIRECTORY_SYNC, which, count));
    }

    /** Writes that would make the files hold more than {@code bytes} in total fail with {@link OutOfSpaceException}. */
    public synchronized void limitSpace(long bytes) {
        this.spaceLimitBytes = bytes;
    }

    /**
     * After {@code operations} more mutating operations (create, write, truncate, force, delete, rename,
     * directory sync) the power goes: that operation and every later one fails until {@link #crash()}.
     */
    public synchronized void haltAfter(long operations) {
        if (operations < 0) {
            throw new IllegalArgumentException("operations must be >= 0, got " + operations);
        }
        this.operationsUntilHalt = operations;
    }

    /** Whether a {@link #haltAfter} point has been reached and the disk waits for {@link #crash()}. */
    public synchronized boolean isHalted() {
        return halted;
    }

    /**
     * Power loss and reboot: unforced writes and unsynced name changes are partly lost (random prefixes,
     * one write torn at an arbitrary byte), every open handle and lock becomes invalid, scheduled faults
     * are cleared (the space limit stays: it is the disk's size).
     */
    public synchronized void crash() {
        for (SimDirectory directory : directories.values()) {
            directory.powerLoss(random);
        }
        Map<SimFile, Boolean> seen = new IdentityHashMap<>();
        for (SimDirectory directory : directories.values()) {
            for (SimFile file : directory.files()) {
                if (seen.put(file, Boolean.TRUE) == null) {
                    file.powerLoss(random);
                }
            }
        }
        reboot();
    }

    /** Process death: open handles and locks become invalid; written data stays in the cache, unforced. */
    public synchronized void kill() {
        reboot();
    }

    private void reboot() {
        generation++;
        locked.clear();
        faults.clear();
        halted = false;
        operationsUntilHalt = -1;
    }

    /** Flips one bit of a file, on the medium and in the cache. */
    public synchronized void flipBit(Path file, long offset, int bit) throws IOException {
        fileAt(file).flipBit(offset, bit);
    }

    /** Flips a random bit in {@code [fromOffset, toOffset)} of a file; returns the offset of the changed byte. */
    public synchronized long flipRandomBit(Path file, long fromOffset, long toOffset) throws IOException {
        long offset = fromOffset + random.nextLong(toOffset - fromOffset);
        fileAt(file).flipBit(offset, random.nextInt(8));
        return offset;
    }

    /** The file's contents as they are on the medium, i.e. what a crash now would keep for sure. */
    public synchronized byte[] durableContent(Path file) throws IOException {
        return fileAt(file).durableContent();
    }

    /** The file's contents as reads see them now. */
    public synchronized byte[] content(Path file) throws IOException {
        return fileAt(file).cached().toArray();
    }

    /** Whether the file has writes or truncations that no force has made durable yet. */
    public synchronized boolean hasUnforcedChanges(Path file) throws IOException {
        return fileAt(file).hasUnforcedChanges();
    }

    /** How many forces (successful or not) the file has seen. */
    public synchronized int forceCount(Path file) throws IOException {
        return fileAt(file).forces();
    }

    /** How many times the directory was synced. */
    public synchronized int directorySyncCount(Path directory) throws IOException {
        return directoryAt(directory).syncs();
    }

    /** How many creations, deletions and renames in the directory are not yet durable. */
    public synchronized int unsyncedNameChanges(Path directory) throws IOException {
        return directoryAt(directory).unsyncedChanges();
    }

    /** Whether the file's name would survive a crash now (it was created or renamed, then its directory synced). */
    public synchronized boolean isNameDurable(Path file) throws IOException {
        SimDirectory directory = directoryAt(parentOf(file));
        SimFile simFile = directory.get(nameOf(file));
        return simFile != null && directory.isDurable(nameOf(file), simFile);
    }

    /** Total bytes held by the files that have names now. */
    public synchronized long usedBytes() {
        Map<SimFile, Boolean> seen = new IdentityHashMap<>();
        long used = 0;
        for (SimDirectory directory : directories.values()) {
            for (SimFile file : directory.files()) {
                if (seen.put(file, Boolean.TRUE) == null) {
                    used += file.size();
                }
            }
        }
        return used;
    }

    // ---------------------------------------------------------------- Disk

    @Override
    public synchronized DiskFile create(Path file) throws IOException {
        mutation();
        SimDirectory directory = directoryAt(parentOf(file));
        if (directory.get(nameOf(file)) != null) {
            throw new FileAlreadyExistsException(file.toString());
        }
        SimFile simFile = new SimFile();
        directory.link(nameOf(file), simFile);
        return new SimDiskFile(this, file, simFile, true, generation);
    }

    @Override
    public synchronized DiskFile openWritable(Path file) throws IOException {
        checkPower();
        return new SimDiskFile(this, file, fileAt(file), true, generation);
    }

    @Override
    public synchronized DiskFile openReadable(Path file) throws IOException {
        checkPower();
        return new SimDiskFile(this, file, fileAt(file), false, generation);
    }

    @Override
    public synchronized boolean exists(Path path) throws IOException {
        checkPower();
        Path p = path.normalize();
        if (directories.containsKey(p)) {
            return true;
        }
        SimDirectory directory = p.getParent() == null ? null : directories.get(p.getParent());
        return directory != null && directory.get(nameOf(p)) != null;
    }

    @Override
    public synchronized List<Path> list(Path directory) throws IOException {
        checkPower();
        Path dir = directory.normalize();
        List<Path> entries = new ArrayList<>();
        for (String name : directoryAt(dir).names()) {
            entries.add(dir.resolve(name));
        }
        for (Path sub : directories.keySet()) {
            if (dir.equals(sub.getParent())) {
                entries.add(sub);
            }
        }
        Collections.sort(entries);
        return entries;
    }

    @Override
    public synchronized void delete(Path file) throws IOException {
        mutation();
        fileAt(file);
        directoryAt(parentOf(file)).unlink(nameOf(file));
    }

    @Override
    public synchronized void rename(Path source, Path target) throws IOException {
        mutation();
        if (!parentOf(source).equals(parentOf(target))) {
            throw new IOException("the simulated disk renames only within one directory: " + source + " -> " + target);
        }
        fileAt(source);
        directoryAt(parentOf(source)).rename(nameOf(source), nameOf(target));
    }

    @Override
    public synchronized void createDirectories(Path directory) throws IOException {
        mutation();
        for (Path p = directory.normalize(); p != null; p = p.getParent()) {
            directories.computeIfAbsent(p, ignored -> new SimDirectory());
        }
    }

    @Override
    public void syncDirectory(Path directory) throws IOException {
        observer.beforeDirectorySync(directory);
        synchronized (this) {
            mutation();
            SimDirectory dir = directoryAt(directory.normalize());
            if (takeFault(FaultKind.DIRECTORY_SYNC, directory)) {
                throw new IOException(directory + ": simulated I/O error syncing the directory");
            }
            dir.sync();
        }
    }

    @Override
    public synchronized DirectoryLock lock(Path directory) throws IOException {
        checkPower();
        Path dir = directory.normalize();
        directoryAt(dir);
        if (!locked.add(dir)) {
            throw new IOException(dir + " is locked by another user of the simulated disk");
        }
        long lockGeneration = generation;
        return new DirectoryLock() {
            @Override
            public Path directory() {
                return dir;
            }

            @Override
            public void close() {
                synchronized (SimulatedDisk.this) {
                    if (generation == lockGeneration) {
                        locked.remove(dir);
                    }
                }
            }
        };
    }

    // ---------------------------------------------------------------- file operations, called by SimDiskFile

    synchronized int read(SimDiskFile handle, ByteBuffer dst, long position) throws IOException {
        checkHandle(handle);
        return handle.file().cached().read(dst, position);
    }

    void write(SimDiskFile handle, ByteBuffer src, long position) throws IOException {
        observer.beforeWrite(handle.path(), position, src.remaining());
        synchronized (this) {
            checkWritable(handle);
            mutation();
            byte[] bytes = new byte[src.remaining()];
            src.get(bytes);
            SimFile file = handle.file();
            if (takeFault(FaultKind.WRITE, handle.path())) {
                file.write(position, Arrays.copyOf(bytes, random.nextInt(bytes.length + 1)));
                throw new IOException(handle.path() + ": simulated I/O error writing " + bytes.length
                        + " bytes at offset " + position);
            }
            long growth = Math.max(0, position + bytes.length - file.size());
            long free = spaceLimitBytes - usedBytes();
            if (growth > free) {
                int fits = (int) Math.max(0, Math.min(bytes.length, file.size() + free - position));
                if (fits > 0) {
                    file.write(position, Arrays.copyOf(bytes, fits));
                }
                throw new OutOfSpaceException(handle.path(), "simulated: writing " + bytes.length + " bytes at offset "
                        + position + " needs " + growth + " more bytes, " + Math.max(0, free) + " free", null);
            }
            file.write(position, bytes);
        }
    }

    synchronized long size(SimDiskFile handle) throws IOException {
        checkHandle(handle);
        return handle.file().size();
    }

    synchronized void truncate(SimDiskFile handle, long size) throws IOException {
        checkWritable(handle);
        mutation();
        if (size < handle.file().size()) {
            handle.file().truncate(size);
        }
    }

    void force(SimDiskFile handle) throws IOException {
        observer.beforeForce(handle.path());
        synchronized (this) {
            checkWritable(handle);
            mutation();
            if (takeFault(FaultKind.FORCE, handle.path())) {
                handle.file().failForce();
                throw new IOException(handle.path() + ": simulated I/O error on force; unforced writes are lost");
            }
            handle.file().force();
        }
        observer.afterForce(handle.path());
    }

    // ---------------------------------------------------------------- internals

    private void checkHandle(SimDiskFile handle) throws IOException {
        checkPower();
        if (handle.isClosed()) {
            throw new IOException(handle.path() + ": file handle is closed");
        }
        if (handle.generation() != generation) {
            throw new IOException(handle.path() + ": file handle died in a simulated crash");
        }
    }

    private void checkWritable(SimDiskFile handle) throws IOException {
        checkHandle(handle);
        if (!handle.writable()) {
            throw new IOException(handle.path() + ": file was opened read-only");
        }
    }

    private void checkPower() throws IOException {
        if (halted) {
            throw new IOException("simulated power loss: the disk halted and waits for crash()");
        }
    }

    /** Counts a mutating operation towards {@link #haltAfter}; the operation that reaches it fails. */
    private void mutation() throws IOException {
        checkPower();
        if (operationsUntilHalt == 0) {
            halted = true;
            checkPower();
        }
        if (operationsUntilHalt > 0) {
            operationsUntilHalt--;
        }
    }

    private boolean takeFault(FaultKind kind, Path path) {
        for (Fault fault : faults) {
            if (fault.kind == kind && fault.remaining > 0 && fault.which.test(path)) {
                fault.remaining--;
                return true;
            }
        }
        return false;
    }

    private SimFile fileAt(Path file) throws IOException {
        SimFile simFile = directoryAt(parentOf(file)).get(nameOf(file));
        if (simFile == null) {
            throw new NoSuchFileException(file.toString());
        }
        return simFile;
    }

    private SimDirectory directoryAt(Path directory) throws IOException {
        SimDirectory dir = directories.get(directory.normalize());
        if (dir == null) {
            throw new NoSuchFileException(directory.toString(), null, "no such directory");
        }
        return dir;
    }

    private static Path parentOf(Path file) throws IOException {
        Path parent = file.normalize().getParent();
        if (parent == null) {
            throw new IOException(file + " has no parent directory");
        }
        return parent;
    }

    private static String nameOf(Path file) {
        return file.normalize().getFileName().toString();
    }
}
