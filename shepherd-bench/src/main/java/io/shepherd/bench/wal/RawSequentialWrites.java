package io.shepherd.bench.wal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Sequential 1 MiB writes to fresh files with a force every 64 MiB and at the end of each slice, so
 * every byte counted is durable: the disk's durable sequential bandwidth. The rate is in MiB/s.
 */
final class RawSequentialWrites implements Workload {

    private static final int MIB = 1 << 20;
    private static final long FORCE_EVERY = 64L * MIB;
    private static final long FILE_BYTES = 512L * MIB;

    private final Path directory;
    private final ByteBuffer chunk = ByteBuffer.allocateDirect(MIB);
    private FileChannel file;
    private long position;
    private int files;

    RawSequentialWrites() throws IOException {
        this.directory = BenchDirectory.create("raw-seq");
        nextFile();
    }

    @Override
    public String name() {
        return "raw sequential MiB/s";
    }

    private void nextFile() throws IOException {
        if (file != null) {
            file.close();
            BenchDirectory.delete(directory.resolve("data-" + (files - 1)));
        }
        file = FileChannel.open(directory.resolve("data-" + files++), StandardOpenOption.CREATE_NEW,
                StandardOpenOption.WRITE);
        position = 0;
    }

    @Override
    public double runSlice(long nanos) throws IOException {
        long start = System.nanoTime();
        long deadline = start + nanos;
        long mib = 0;
        do {
            chunk.clear();
            while (chunk.hasRemaining()) {
                position += file.write(chunk, position);
            }
            mib++;
            if (position % FORCE_EVERY == 0) {
                file.force(true);
                if (position >= FILE_BYTES) {
                    nextFile();
                }
            }
        } while (System.nanoTime() < deadline);
        file.force(true);
        return mib * 1e9 / (System.nanoTime() - start);
    }

    @Override
    public void close() throws IOException {
        file.close();
        BenchDirectory.delete(directory);
    }
}
