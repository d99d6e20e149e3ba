package io.shepherd.testkit.disk;

import io.shepherd.common.io.DiskFile;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;

/** A handle on a {@link SimFile}; every operation goes through the {@link SimulatedDisk} that made it. */
final class SimDiskFile implements DiskFile {

    private final SimulatedDisk disk;
    private final Path path;
    private final SimFile file;
    private final boolean writable;
    private final long generation;
    private volatile boolean closed;

    SimDiskFile(SimulatedDisk disk, Path path, SimFile file, boolean writable, long generation) {
        this.disk = disk;
        this.path = path;
        this.file = file;
        this.writable = writable;
        this.generation = generation;
    }

    SimFile file() {
        return file;
    }

    boolean writable() {
        return writable;
    }

    long generation() {
        return generation;
    }

    boolean isClosed() {
        return closed;
    }

    @Override
    public Path path() {
        return path;
    }

    @Override
    public int read(ByteBuffer dst, long position) throws IOException {
        return disk.read(this, dst, position);
    }

    @Override
    public void write(ByteBuffer src, long position) throws IOException {
        disk.write(this, src, position);
    }

    @Override
    public long size() throws IOException {
        return disk.size(this);
    }

    @Override
    public void truncate(long size) throws IOException {
        disk.truncate(this, size);
    }

    @Override
    public void force(boolean metadata) throws IOException {
        disk.force(this);
    }

    @Override
    public void close() {
        closed = true;
    }
}
