package io.shepherd.testkit.example;

import io.shepherd.testkit.example.EpochMessage.Outgoing;
import io.shepherd.testkit.net.Node;
import io.shepherd.testkit.net.NodeContext;
import io.shepherd.testkit.sim.Timer;
import java.util.List;

/**
 * Glue between a writer's state machine and the simulated network: it reads the clock once per input,
 * sends what the machine returns, keeps one timer armed at the machine's deadline, and records wins as
 * history.
 */
final class WriterNode implements Node<EpochMessage> {

    private final NodeContext<EpochMessage> ctx;
    private final EpochCandidate candidate;
    private final ElectionHistory history;
    private Timer deadline;

    private WriterNode(NodeContext<EpochMessage> ctx, EpochCandidate candidate, ElectionHistory history) {
        this.ctx = ctx;
        this.candidate = candidate;
        this.history = history;
    }

    /** Starts a writer's campaign in a fresh incarnation. */
    static WriterNode start(NodeContext<EpochMessage> ctx, EpochCandidate candidate, ElectionHistory history) {
        WriterNode node = new WriterNode(ctx, candidate, history);
        node.carryOut(candidate.phase(), candidate.start(ctx.clock().nanoTime()));
        return node;
    }

    EpochCandidate candidate() {
        return candidate;
    }

    @Override
    public void onMessage(int from, EpochMessage message) {
        EpochCandidate.Phase before = candidate.phase();
        carryOut(before, candidate.onMessage(from, message, ctx.clock().nanoTime()));
    }

    private void onDeadline() {
        EpochCandidate.Phase before = candidate.phase();
        carryOut(before, candidate.onDeadline(ctx.clock().nanoTime()));
    }

    private void carryOut(EpochCandidate.Phase before, List<Outgoing> sends) {
        if (before != EpochCandidate.Phase.WON && candidate.phase() == EpochCandidate.Phase.WON) {
            history.won(ctx.id(), candidate.epoch());
        }
        for (Outgoing out : sends) {
            ctx.send(out.to(), out.message());
        }
        if (deadline != null) {
            deadline.cancel();
            deadline = null;
        }
        long dueNs = candidate.deadlineNs();
        if (dueNs != Long.MAX_VALUE) {
            deadline = ctx.schedule(dueNs - ctx.clock().nanoTime(), "deadline while " + candidate.phase(),
                    this::onDeadline);
        }
    }
}
