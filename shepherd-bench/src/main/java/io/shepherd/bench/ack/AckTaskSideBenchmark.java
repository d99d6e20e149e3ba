package io.shepherd.bench.ack;

import io.shepherd.runtime.ack.AckConfig;
import io.shepherd.runtime.ack.AckIds;
import io.shepherd.runtime.ack.AckRouter;
import io.shepherd.runtime.ack.AnchoredInput;
import io.shepherd.runtime.ack.Anchors;
import io.shepherd.runtime.ack.PendingRoots;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What ack mode adds to the tasks of a job, per record, in records per second.
 *
 * <ul>
 *   <li>{@code sourceEmitAndComplete}: a source registers a record (fresh root, pending table, completion
 *       watermark), anchors its one child, routes its init, and completes the root emitted
 *       {@code pending} records earlier (latency histogram, committed position).
 *   <li>{@code operatorAnchorAndAck}: an operator takes an input's anchors, anchors one child to it and
 *       routes its ack, as a map or a keyed operator does for every record.
 * </ul>
 *
 * Ack batches are cleared every 1,024 messages, standing in for the hand-off to the acker.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class AckTaskSideBenchmark {
    private static final int FLUSH_EVERY = 1_024;

    @Param({"1024", "16384"})
    int pending;

    private AckIds ids;
    private PendingRoots source;
    private AckRouter acks;
    private long[] inFlight;
    private long position;
    private long nowNs;
    private final AnchoredInput input = new AnchoredInput();
    private final Anchors child = new Anchors();
    private long inputRoot;
    private long inputEdge;

    @Setup
    public void setUp() {
        ids = new AckIds(7);
        source = new PendingRoots(1, AckConfig.DEFAULT.withMaxPending(pending).withMaxUncommitted(pending),
                0, ids, 0);
        acks = new AckRouter(2, FLUSH_EVERY);
        inFlight = new long[pending];
        for (int i = 0; i < pending - 1; i++) {
            inFlight[i] = source.emit(position++, null, 0);
        }
        inputRoot = ids.next();
        inputEdge = ids.next();
    }

    @Benchmark
    public long sourceEmitAndComplete() {
        nowNs += 100;
        long root = source.emit(position, null, nowNs);
        input.resetRoot(root);
        child.clear();
        input.anchor(child, ids);
        input.init(acks, 1);
        int slot = (int) (position++ % pending);
        long oldest = inFlight[(slot + 1) % pending];
        inFlight[slot] = root;
        source.onCompleted(oldest, nowNs);
        flushSometimes();
        return source.committedPosition();
    }

    @Benchmark
    public long operatorAnchorAndAck() {
        input.reset(inputRoot, inputEdge);
        child.clear();
        input.anchor(child, ids);
        input.ack(acks, 2);
        inputEdge = child.edge(0);
        flushSometimes();
        return inputEdge;
    }

    private void flushSometimes() {
        if (acks.batch(0).size() + acks.batch(1).size() >= FLUSH_EVERY) {
            acks.batch(0).clear();
            acks.batch(1).clear();
        }
    }
}
