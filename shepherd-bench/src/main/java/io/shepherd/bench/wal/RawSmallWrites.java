package io.shepherd.bench.wal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Appends small writes to one file, forcing after each: the disk's small-write+force rate. */
final class RawSmallWrites implements Workload {

    private final Path directory;
    private final FileChannel file;
    private final ByteBuffer record;
    private final boolean forceMetadata;
    private long position;

    RawSmallWrites(int bytes, boolean forceMetadata) throws IOException {
        this.directory = BenchDirectory.create("raw-small");
        this.file = FileChannel.open(directory.resolve("data"), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        this.record = ByteBuffer.allocateDirect(bytes);
        this.forceMetadata = forceMetadata;
    }

    @Override
    public String name() {
        return "raw write+force(" + forceMetadata + ")";
    }

    @Override
    public double runSlice(long nanos) throws IOException {
        long start = System.nanoTime();
        long deadline = start + nanos;
        long ops = 0;
        long now;
        do {
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
