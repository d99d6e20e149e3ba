package io.shepherd.runtime.ack.sim;

import io.shepherd.runtime.ack.AckIds;
import io.shepherd.runtime.ack.AnchoredInput;
import io.shepherd.runtime.ack.Anchors;
import io.shepherd.testkit.net.Node;
import io.shepherd.testkit.net.NodeContext;
import java.util.List;

/**
 * A flatMap task: splits each record into its children (fan-out, or nothing: a filter), each anchored to
 * the input, then acks the input. A share of records fail part way, after some children went out, as a
 * function that throws would.
 */
final class SplitNode implements Node<SimMessage> {
    private final NodeContext<SimMessage> ctx;
    private final Scenario scenario;
    private final AckIds ids;
    private final AckOutbox out;

    SplitNode(NodeContext<SimMessage> ctx, Scenario scenario) {
        this.ctx = ctx;
        this.scenario = scenario;
        this.ids = new AckIds(ctx.random().split());
        this.out = new AckOutbox(ctx);
    }

    @Override
    public void onMessage(int from, SimMessage message) {
        SimMessage.Data record = (SimMessage.Data) message;
        if (scenario.splitDelayNs() == 0) {
            process(record);
        } else {
            ctx.schedule(scenario.splitDelayNs(), "split " + record.values(), () -> process(record));
        }
    }

    private void process(SimMessage.Data record) {
        AnchoredInput input = new AnchoredInput();
        input.reset(record.anchors());
        List<String> children = Workload.children(record.values().get(0));
        boolean fails = ctx.random().nextDouble() < scenario.failRate();
        int emitted = fails ? ctx.random().nextInt(children.size() + 1) : children.size();
        for (String child : children.subList(0, emitted)) {
            Anchors anchors = new Anchors();
            input.anchor(anchors, ids);
            ctx.send(Workload.pairFor(child), SimMessage.Data.of(List.of(child), anchors));
        }
        if (fails) {
            input.fail(out.acks(), ctx.id());
        } else {
            input.ack(out.acks(), ctx.id());
        }
        out.flush();
    }
}
