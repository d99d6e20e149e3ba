package io.shepherd.runtime.ack.sim;

import io.shepherd.runtime.ack.AnchoredInput;
import io.shepherd.testkit.net.Node;
import io.shepherd.testkit.net.NodeContext;
import io.shepherd.testkit.time.SimTime;
import java.util.ArrayList;
import java.util.List;

/**
 * The sink: writes each record's values to the output (the history, which survives its crashes) and acks
 * the record only once written. While stalled it holds everything, writing and acking nothing.
 */
final class SinkNode implements Node<SimMessage> {
    private static final long LATE_WRITE_NS = SimTime.millis(20);

    private final NodeContext<SimMessage> ctx;
    private final Scenario scenario;
    private final AckHistory history;
    private final AckOutbox out;
    private final List<SimMessage.Data> stalled = new ArrayList<>();

    SinkNode(NodeContext<SimMessage> ctx, Scenario scenario, AckHistory history) {
        this.ctx = ctx;
        this.scenario = scenario;
        this.history = history;
        this.out = new AckOutbox(ctx);
    }

    @Override
    public void onMessage(int from, SimMessage message) {
        SimMessage.Data record = (SimMessage.Data) message;
        long stallLeftNs = scenario.sinkStalledUntilNs() - ctx.clock().nanoTime();
        if (stallLeftNs > 0) {
            if (stalled.isEmpty()) {
                ctx.schedule(stallLeftNs, "sink resumes", this::resume);
            }
            stalled.add(record);
            return;
        }
        write(record);
        out.flush();
    }

    /** Records held while stalled. */
    int stalled() {
        return stalled.size();
    }

    private void resume() {
        stalled.forEach(this::write);
        stalled.clear();
        out.flush();
    }

    private void write(SimMessage.Data record) {
        AnchoredInput input = new AnchoredInput();
        input.reset(record.anchors());
        if (scenario.flaw() == Flaw.SINK_ACKS_BEFORE_WRITING) {
            input.ack(out.acks(), ctx.id());
            ctx.schedule(LATE_WRITE_NS, "late write " + record.values(), () -> history.written(record.values()));
        } else {
            history.written(record.values());
            input.ack(out.acks(), ctx.id());
        }
    }
}
