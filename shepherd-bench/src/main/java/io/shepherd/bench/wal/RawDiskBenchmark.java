package io.shepherd.bench.wal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;

/**
 * The disk's own limits, the references the log's figures are divided by ({@link WalBenchmark}); run
 * both in one invocation so they see the same disk in the same state.
 *
 * <ul>
 *   <li>{@code smallWriteForce*}: append {@value #SMALL_WRITE_BYTES} bytes (the frame of a 100-byte
 *       record) to a file and force, one at a time: the rate at which anything can make small writes
 *       durable. Both force flavours are measured, and a data-only force of writes into a file zero-filled
 *       beforehand (as the log preallocates its segments); the fastest is the reference.
 *   <li>{@code sequentialWrite}: sequential 1 MiB writes with a force every {@value #FORCE_EVERY_MIB}
 *       MiB, so forces are amortised: the disk's durable sequential bandwidth. One operation is 1 MiB,
 *       so ops/s is MiB/s.
 * </ul>
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
public class RawDiskBenchmark {

    static final int SMALL_WRITE_BYTES = 120;
    private static final int MIB = 1 << 20;
    private static final int FORCE_EVERY_MIB = 64;
    private static final long FILE_MIB = 512;

    @State(Scope.Thread)
    public static class SmallWrites {
        Path directory;
        FileChannel file;
        ByteBuffer record;
        long position;

        @Setup(Level.Iteration)
        public void open() throws IOException {
            directory = BenchDirectory.create("raw-small");
            file = FileChannel.open(directory.resolve("data"), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            record = ByteBuffer.allocateDirect(SMALL_WRITE_BYTES);
            position = 0;
        }

        @TearDown(Level.Iteration)
        public void close() throws IOException {
            file.close();
            BenchDirectory.delete(directory);
        }

        void append() throws IOException {
            record.clear();
            record.put(0, (byte) position);
            while (record.hasRemaining()) {
                position += file.write(record, position);
            }
        }
    }

    /** Small writes into a file zero-filled beforehand: a data-only force has no length to commit. */
    @State(Scope.Thread)
    public static class PreallocatedSmallWrites {
        private static final long FILE_BYTES = 64L * MIB;
        Path directory;
        FileChannel file;
        ByteBuffer record;
        long position;

        @Setup(Level.Iteration)
        public void open() throws IOException {
            directory = BenchDirectory.create("raw-small-preallocated");
            file = FileChannel.open(directory.resolve("data"), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            ByteBuffer zeros = ByteBuffer.allocateDirect(MIB);
            for (long at = 0; at < FILE_BYTES; at += MIB) {
                zeros.clear();
                while (zeros.hasRemaining()) {
                    file.write(zeros, at + zeros.position());
                }
            }
            file.force(true);
            record = ByteBuffer.allocateDirect(SMALL_WRITE_BYTES);
            position = 0;
        }

        @TearDown(Level.Iteration)
        public void close() throws IOException {
            file.close();
            BenchDirectory.delete(directory);
        }

        void write() throws IOException {
            if (position + SMALL_WRITE_BYTES > FILE_BYTES) {
                position = 0; // overwrite from the start: the blocks stay allocated, the length unchanged
            }
            record.clear();
            while (record.hasRemaining()) {
                position += file.write(record, position);
            }
        }
    }

    @State(Scope.Thread)
    public static class SequentialWrites {
        Path directory;
        FileChannel file;
        ByteBuffer chunk;
        long position;
        int files;

        @Setup(Level.Iteration)
        public void open() throws IOException {
            directory = BenchDirectory.create("raw-seq");
            chunk = ByteBuffer.allocateDirect(MIB);
            files = 0;
            nextFile();
        }

        void nextFile() throws IOException {
            if (file != null) {
                file.close();
            }
            file = FileChannel.open(directory.resolve("data-" + files++), StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE);
            position = 0;
        }

        @TearDown(Level.Iteration)
        public void close() throws IOException {
            file.close();
            file = null;
            BenchDirectory.delete(directory);
        }
    }

    @Benchmark
    public void smallWriteForceData(SmallWrites state) throws IOException {
        state.append();
        state.file.force(false);
    }

    @Benchmark
    public void smallWriteForceAll(SmallWrites state) throws IOException {
        state.append();
        state.file.force(true);
    }

    @Benchmark
    public void smallWriteForcePreallocated(PreallocatedSmallWrites state) throws IOException {
        state.write();
        state.file.force(false);
    }

    @Benchmark
    public void sequentialWrite(SequentialWrites state) throws IOException {
        state.chunk.clear();
        while (state.chunk.hasRemaining()) {
            state.position += state.file.write(state.chunk, state.position);
        }
        if (state.position % ((long) FORCE_EVERY_MIB * MIB) == 0) {
            state.file.force(true);
            if (state.position >= FILE_MIB * MIB) {
                state.nextFile();
            }
        }
    }
}
