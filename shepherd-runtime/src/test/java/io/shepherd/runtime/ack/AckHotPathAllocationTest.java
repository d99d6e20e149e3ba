package io.shepherd.runtime.ack;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

/**
 * The acker's and the source's steady state allocate nothing (docs/ack-mode.md, "Cost"): ack mode must cost
 * at most twice a job without guarantees, which leaves no room for garbage per record. Measured with the
 * JVM's per-thread allocation counter, over rounds run after a warm-up that lets every array reach its
 * size. This checks bytes, not time.
 */
class AckHotPathAllocationTest {

    private static final int ROOTS_PER_ROUND = 4_096;
    private static final int OPERATOR = 2;
    private static final int OWNER = 1;

    private final com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    @Test
    void when_roots_are_emitted_anchored_acked_and_completed_in_steady_state_then_nothing_is_allocated() {
        AckConfig config = AckConfig.DEFAULT.withMaxPending(ROOTS_PER_ROUND);
        AckIds ids = new AckIds(1);
        PendingRoots source = new PendingRoots(OWNER, config, 0, ids, 0);
        AckerLedger acker = new AckerLedger(config, ROOTS_PER_ROUND, 0);
        AckBatch acks = new AckBatch(16);
        VerdictBatch verdicts = new VerdictBatch(16);
        Round round = new Round(source, acker, ids, acks, verdicts);

        for (int warmUp = 0; warmUp < 200; warmUp++) {
            round.run(warmUp);
        }
        long before = threads.getCurrentThreadAllocatedBytes();
        for (int measured = 0; measured < 50; measured++) {
            round.run(200 + measured);
        }
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;

        assertThat(round.completed).isEqualTo(250L * ROOTS_PER_ROUND);
        assertThat(allocated).as("bytes allocated by 50 rounds of %d roots", ROOTS_PER_ROUND).isZero();
    }

    /** A keyed job's tree for each of a round of roots: source -> keyed operator -> sink, through one acker. */
    private static final class Round {
        private final PendingRoots source;
        private final AckerLedger acker;
        private final AckIds ids;
        private final AckBatch acks;
        private final VerdictBatch verdicts;
        private final AnchoredInput input = new AnchoredInput();
        private final Anchors child = new Anchors();
        private final long[] roots = new long[ROOTS_PER_ROUND];
        private final long[] firstEdges = new long[ROOTS_PER_ROUND];
        private long completed;

        Round(PendingRoots source, AckerLedger acker, AckIds ids, AckBatch acks, VerdictBatch verdicts) {
            this.source = source;
            this.acker = acker;
            this.ids = ids;
            this.acks = acks;
            this.verdicts = verdicts;
        }

        void run(int number) {
            long nowNs = number * 1_000_000L;
            for (int i = 0; i < ROOTS_PER_ROUND; i++) {
                long root = source.emit((long) number * ROOTS_PER_ROUND + i, null, nowNs);
                input.resetRoot(root);
                child.clear();
                input.anchor(child, ids);
                input.init(acks, OWNER);
                roots[i] = root;
                firstEdges[i] = child.edge(0);
                flush(nowNs);
            }
            for (int i = 0; i < ROOTS_PER_ROUND; i++) {
                // The keyed operator emits one record per input; the sink emits none.
                input.reset(roots[i], firstEdges[i]);
                child.clear();
                input.anchor(child, ids);
                input.ack(acks, OPERATOR);
                input.reset(roots[i], child.edge(0));
                input.ack(acks, OPERATOR + 1);
                flush(nowNs);
            }
        }

        private void flush(long nowNs) {
            acker.accept(acks, nowNs, verdicts);
            acks.clear();
            acker.expire(nowNs, verdicts);
            completed += verdicts.size();
            source.accept(verdicts, nowNs);
            verdicts.clear();
            source.expire(nowNs, acks);
        }
    }
}
