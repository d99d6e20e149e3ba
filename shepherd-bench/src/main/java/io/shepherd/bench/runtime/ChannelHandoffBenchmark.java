package io.shepherd.bench.runtime;

import io.shepherd.runtime.channel.LocalChannel;
import io.shepherd.runtime.channel.RecordBatch;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Group;
import org.openjdk.jmh.annotations.GroupThreads;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Control;

/**
 * Records per second handed from one thread to another: through a {@link LocalChannel} in batches
 * (what tasks do), against a per-record {@link ArrayBlockingQueue} hand-off as the reference.
 * Each benchmark op is one record; the producer and consumer run as a JMH group of two threads, and
 * both stop waiting when JMH ends the iteration (otherwise one would wait forever for the other).
 */
@State(Scope.Group)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ChannelHandoffBenchmark {
    @Param({"512"})
    int batchSize;

    private LocalChannel channel;
    private ArrayBlockingQueue<Object> queue;
    private final Long record = 42L;

    @Setup(Level.Iteration)
    public void setUp() {
        channel = new LocalChannel(16);
        queue = new ArrayBlockingQueue<>(16 * 512);
    }

    @Benchmark
    @Group("batched")
    @GroupThreads(1)
    @OperationsPerInvocation(512)
    public void batchedProducer(Control control) {
        RecordBatch batch = new RecordBatch(batchSize);
        for (int i = 0; i < batchSize; i++) {
            batch.add(record, i);
        }
        while (!channel.offer(batch) && !control.stopMeasurement) {
            Thread.onSpinWait();
        }
    }

    @Benchmark
    @Group("batched")
    @GroupThreads(1)
    @OperationsPerInvocation(512)
    public long batchedConsumer(Control control) {
        Object element;
        while ((element = channel.poll()) == null) {
            if (control.stopMeasurement) {
                return 0;
            }
            Thread.onSpinWait();
        }
        RecordBatch batch = (RecordBatch) element;
        long sum = 0;
        for (int i = 0; i < batch.size(); i++) {
            sum += batch.timestamp(i);
        }
        return sum;
    }

    @Benchmark
    @Group("perRecordReference")
    @GroupThreads(1)
    public void referenceProducer(Control control) {
        while (!queue.offer(record) && !control.stopMeasurement) {
            Thread.onSpinWait();
        }
    }

    @Benchmark
    @Group("perRecordReference")
    @GroupThreads(1)
    public Object referenceConsumer(Control control) {
        Object element;
        while ((element = queue.poll()) == null && !control.stopMeasurement) {
            Thread.onSpinWait();
        }
        return element;
    }
}
