package io.shepherd.runtime.ack.sim;

import io.shepherd.runtime.ack.AckIds;
import io.shepherd.runtime.ack.AnchoredInput;
import io.shepherd.runtime.ack.Anchors;
import io.shepherd.testkit.net.Node;
import io.shepherd.testkit.net.NodeContext;
import io.shepherd.testkit.sim.Timer;
import java.util.ArrayList;
import java.util.List;

/**
 * A fan-in task, as a count window is: it holds an input for the hold time and then emits one record from
 * it and the partner that came meanwhile, if any, anchored to both (multi-anchoring, often across two
 * roots), and acks both once it has. A third input arriving early flushes the two held. What it holds is
 * lost when it crashes.
 */
final class PairNode implements Node<SimMessage> {
    private final NodeContext<SimMessage> ctx;
    private final Scenario scenario;
    private final AckIds ids;
    private final AckOutbox out;
    private final List<SimMessage.Data> held = new ArrayList<>();
    private Timer holdTimer;

    PairNode(NodeContext<SimMessage> ctx, Scenario scenario) {
        this.ctx = ctx;
        this.scenario = scenario;
        this.ids = new AckIds(ctx.random().split());
        this.out = new AckOutbox(ctx);
    }

    @Override
    public void onMessage(int from, SimMessage message) {
        if (held.size() == 2) {
            holdTimer.cancel();
            emitHeld();
        }
        held.add((SimMessage.Data) message);
        if (held.size() == 1) {
            holdTimer = ctx.schedule(scenario.pairHoldNs(), "emit " + held.get(0).values(), this::emitHeld);
        }
    }

    /** Emits one record from every held input, anchored to all of them, and acks them all. */
    private void emitHeld() {
        List<SimMessage.Data> inputs = List.copyOf(held);
        held.clear();
        Anchors anchors = new Anchors();
        List<String> values = new ArrayList<>();
        List<AnchoredInput> anchored = new ArrayList<>();
        for (SimMessage.Data input : inputs) {
            AnchoredInput in = new AnchoredInput();
            in.reset(input.anchors());
            in.anchor(anchors, ids);
            values.addAll(input.values());
            anchored.add(in);
        }
        ctx.send(Workload.SINK, SimMessage.Data.of(values, anchors));
        anchored.forEach(in -> in.ack(out.acks(), ctx.id()));
        out.flush();
    }
}
