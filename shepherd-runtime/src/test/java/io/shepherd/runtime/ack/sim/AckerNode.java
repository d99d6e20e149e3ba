package io.shepherd.runtime.ack.sim;

import io.shepherd.runtime.ack.AckBatch;
import io.shepherd.runtime.ack.AckerLedger;
import io.shepherd.runtime.ack.LedgerState;
import io.shepherd.runtime.ack.VerdictBatch;
import io.shepherd.runtime.ack.VerdictSink;
import io.shepherd.testkit.net.Node;
import io.shepherd.testkit.net.NodeContext;
import io.shepherd.testkit.sim.Timer;
import java.util.Map;
import java.util.TreeMap;

/**
 * An acker task: the glue around {@link AckerLedger}, whose ledgers are volatile (a crash loses them all,
 * and the sources' backstop recovers their roots). Verdicts go out as one batch per owner per event.
 */
final class AckerNode implements Node<SimMessage> {
    private final NodeContext<SimMessage> ctx;
    private final Flaw flaw;
    private final AckerLedger ledger;
    private Timer expiry;

    AckerNode(NodeContext<SimMessage> ctx, Scenario scenario) {
        this.ctx = ctx;
        this.flaw = scenario.flaw();
        this.ledger = new AckerLedger(scenario.ack(), 16, ctx.clock().nanoTime());
    }

    AckerLedger ledger() {
        return ledger;
    }

    @Override
    public void onMessage(int from, SimMessage message) {
        AckBatch acks = ((SimMessage.ToAcker) message).acks();
        VerdictsByOwner verdicts = new VerdictsByOwner();
        if (flaw == Flaw.ACKER_APPLIES_DUPLICATE_INITS) {
            acks = withDuplicateInitsAsAcks(acks);
        }
        ledger.accept(acks, ctx.clock().nanoTime(), verdicts);
        afterEvent(verdicts);
    }

    /** The flawed ledger's view of a batch: an init for a pending root is xored in like an ack. */
    private AckBatch withDuplicateInitsAsAcks(AckBatch acks) {
        AckBatch rewritten = new AckBatch(acks.size());
        for (int i = 0; i < acks.size(); i++) {
            long root = acks.root(i);
            switch (acks.kind(i)) {
                case INIT -> {
                    if (ledger.state(root) == LedgerState.PENDING) {
                        rewritten.ack(root, acks.value(i), AckerLedger.NO_OPERATOR);
                    } else {
                        rewritten.init(root, acks.value(i), acks.task(i));
                    }
                }
                case ACK -> rewritten.ack(root, acks.value(i), acks.task(i));
                case FAIL -> rewritten.fail(root, acks.task(i));
                case PROBE -> rewritten.probe(root, acks.task(i));
            }
        }
        return rewritten;
    }

    private void expire() {
        VerdictsByOwner verdicts = new VerdictsByOwner();
        ledger.expire(ctx.clock().nanoTime(), verdicts);
        afterEvent(verdicts);
    }

    private void afterEvent(VerdictsByOwner verdicts) {
        verdicts.batches.forEach((owner, batch) -> ctx.send(owner, new SimMessage.ToSource(batch)));
        expiry = Expiry.rearm(ctx, expiry, ledger.nextExpiryNs(), "tree timeouts", this::expire);
    }

    /** Verdicts gathered per owner source subtask, in owner order so that sends do not depend on hashing. */
    private static final class VerdictsByOwner implements VerdictSink {
        final Map<Integer, VerdictBatch> batches = new TreeMap<>();

        private VerdictBatch to(int owner) {
            return batches.computeIfAbsent(owner, o -> new VerdictBatch(4));
        }

        @Override
        public void completed(long root, int owner) {
            to(owner).completed(root, owner);
        }

        @Override
        public void failed(long root, int owner) {
            to(owner).failed(root, owner);
        }

        @Override
        public void timedOut(long root, int owner, int lastOperator) {
            to(owner).timedOut(root, owner, lastOperator);
        }

        @Override
        public void alive(long root, int owner) {
            to(owner).alive(root, owner);
        }

        @Override
        public void unknown(long root, int owner) {
            to(owner).unknown(root, owner);
        }
    }
}
