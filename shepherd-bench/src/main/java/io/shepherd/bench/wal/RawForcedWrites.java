package io.shepherd.bench.wal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Writes of {@code bytes} to one file, forcing after each: the rate at which the disk makes writes of that
 * size durable one at a time. Either appending (the file grows with every write, so a force also commits
 * its length) or into a file zero-filled beforehand (the best case for a data-only force; the zero-filling
 * is not counted). The rate is in writes/s.
 */
final class RawForcedWrites implements Workload {

    private static final long PREALLOCATED_BYTES = 64L << 20; // a segment of the log

    private final Path directory;
    private final FileChannel file;
    private final ByteBuffer record;
    private final boolean forceMetadata;
    private final boolean preallocated;
    private long position;

    RawForcedWrites(int bytes, boolean forceMetadata, boolean preallocated) throws IOException {
        this.directory = BenchDirectory.create("raw-forced");
        this.file = FileChannel.open(directory.resolve("data"), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        this.record = ByteBuffer.allocateDirect(bytes);
        this.forceMetadata = forceMetadata;
        this.preallocated = preallocated;
        if (preallocated) {
            ByteBuffer zeros = ByteBuffer.allocateDirect(1 << 20);
            for (long at = 0; at < PREALLOCATED_BYTES; at += zeros.capacity()) {
                zeros.clear();
                while (zeros.hasRemaining()) {
                    file.write(zeros, at + zeros.position());
                }
            }
            file.force(true);
        }
    }

    @Override
    public String name() {
        return "raw " + record.capacity() + " B write+force(" + forceMetadata + ")"
                + (preallocated ? ", preallocated" : ", appending");
    }

    @Override
    public double runSlice(long nanos) throws IOException {
        long start = System.nanoTime();
        long deadline = start + nanos;
        long ops = 0;
        long now;
        do {
            if (preallocated && position + record.capacity() > PREALLOCATED_BYTES) {
                position = 0; // overwrite from the start: the blocks stay allocated, the length unchanged
            }
            record.clear();
            while (record.hasRemaining()) {
                position += file.write(record, position);
            }
            file.force(forceMetadata);
            ops++;
            now = System.nanoTime();
        } while (now < deadline);
        return ops * 1e9 / (now - start);
    }

    @Override
    public void close() throws IOException {
        file.close();
        BenchDirectory.delete(directory);
    }
}
