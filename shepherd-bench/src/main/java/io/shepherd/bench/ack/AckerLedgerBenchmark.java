package io.shepherd.bench.ack;

import io.shepherd.runtime.ack.AckBatch;
import io.shepherd.runtime.ack.AckConfig;
import io.shepherd.runtime.ack.AckIds;
import io.shepherd.runtime.ack.AckerLedger;
import io.shepherd.runtime.ack.VerdictSink;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The acker's hot path: one batch of ack messages applied to the ledgers, in messages per second.
 *
 * <p>The traffic is a keyed job's (source, keyed operator, sink): per root an init, the operator's ack and
 * the sink's ack, three messages. {@code pending} roots are in flight at once, interleaved: each step inits
 * one root, acks the operator edge of the root emitted {@code pending / 2} steps earlier and completes the
 * root emitted {@code pending} steps earlier. The messages are made up front and replayed in a cycle (a
 * root completed in one cycle is new again in the next), so only the ledger is measured. Divide by three
 * for roots per second.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class AckerLedgerBenchmark {
    private static final int ROOTS = 1 << 18;
    private static final int STEPS_PER_BATCH = 256;
    private static final int MESSAGES_PER_BATCH = 3 * STEPS_PER_BATCH;

    @Param({"1024", "65536"})
    int pending;

    private AckBatch[] batches;
    private int next;
    private long nowNs;
    private AckerLedger ledger;
    private final CountingVerdicts verdicts = new CountingVerdicts();

    @Setup
    public void setUp() {
        AckIds ids = new AckIds(42);
        long[] roots = new long[ROOTS];
        long[] firstEdges = new long[ROOTS];
        long[] secondEdges = new long[ROOTS];
        for (int i = 0; i < ROOTS; i++) {
            roots[i] = ids.next();
            firstEdges[i] = ids.next();
            secondEdges[i] = ids.next();
        }
        batches = new AckBatch[ROOTS / STEPS_PER_BATCH];
        for (int b = 0; b < batches.length; b++) {
            batches[b] = new AckBatch(MESSAGES_PER_BATCH);
            for (int step = b * STEPS_PER_BATCH; step < (b + 1) * STEPS_PER_BATCH; step++) {
                int half = Math.floorMod(step - pending / 2, ROOTS);
                int done = Math.floorMod(step - pending, ROOTS);
                batches[b].init(roots[step], firstEdges[step], 1);
                batches[b].ack(roots[half], firstEdges[half] ^ secondEdges[half], 2);
                batches[b].ack(roots[done], secondEdges[done], 3);
            }
        }
        ledger = new AckerLedger(AckConfig.DEFAULT, 2 * pending, 0);
        // One cycle first, so the acks that came before their init in the first cycle are settled.
        for (AckBatch batch : batches) {
            ledger.accept(batch, 0, verdicts);
        }
    }

    @Benchmark
    @OperationsPerInvocation(MESSAGES_PER_BATCH)
    public long acceptBatch() {
        nowNs += 10_000;
        ledger.accept(batches[next], nowNs, verdicts);
        ledger.expire(nowNs, verdicts);
        next = next + 1 == batches.length ? 0 : next + 1;
        return verdicts.completed;
    }

    /** Counts verdicts instead of sending them. */
    static final class CountingVerdicts implements VerdictSink {
        long completed;
        long other;

        @Override
        public void completed(long root, int owner) {
            completed++;
        }

        @Override
        public void failed(long root, int owner) {
            other++;
        }

        @Override
        public void timedOut(long root, int owner, int lastOperator) {
            other++;
        }

        @Override
        public void alive(long root, int owner) {
            other++;
        }

        @Override
        public void unknown(long root, int owner) {
            other++;
        }
    }
}
