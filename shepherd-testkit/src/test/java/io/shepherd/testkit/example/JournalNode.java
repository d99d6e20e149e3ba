package io.shepherd.testkit.example;

import io.shepherd.testkit.example.EpochMessage.Grant;
import io.shepherd.testkit.example.EpochMessage.Outgoing;
import io.shepherd.testkit.net.Node;
import io.shepherd.testkit.net.NodeContext;

/** Glue between a journal node's state machine and the simulated network; records grants as history. */
final class JournalNode implements Node<EpochMessage> {

    private final NodeContext<EpochMessage> ctx;
    private final EpochAcceptor acceptor;
    private final ElectionHistory history;

    JournalNode(NodeContext<EpochMessage> ctx, EpochAcceptor acceptor, ElectionHistory history) {
        this.ctx = ctx;
        this.acceptor = acceptor;
        this.history = history;
    }

    long promised() {
        return acceptor.promised();
    }

    @Override
    public void onMessage(int from, EpochMessage message) {
        for (Outgoing out : acceptor.onMessage(from, message)) {
            if (out.message() instanceof Grant grant) {
                history.granted(ctx.id(), grant.epoch(), out.to());
            }
            ctx.send(out.to(), out.message());
        }
    }
}
