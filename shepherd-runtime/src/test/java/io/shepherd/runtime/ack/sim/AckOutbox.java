package io.shepherd.runtime.ack.sim;

import io.shepherd.runtime.ack.AckRouter;
import io.shepherd.runtime.ack.AckSink;
import io.shepherd.testkit.net.NodeContext;

/**
 * A task's ack messages for one event, routed by root to the acker that owns it and sent as one batch per
 * acker when the event ends, as a runtime task would send them once per batch of records.
 */
final class AckOutbox {
    private final NodeContext<SimMessage> ctx;
    private AckRouter router;

    AckOutbox(NodeContext<SimMessage> ctx) {
        this.ctx = ctx;
    }

    AckSink acks() {
        if (router == null) {
            router = new AckRouter(Workload.ACKERS.length, 4);
        }
        return router;
    }

    /** Sends what this event gathered; the batches sent are never touched again. */
    void flush() {
        if (router == null) {
            return;
        }
        for (int acker = 0; acker < router.ackers(); acker++) {
            if (!router.batch(acker).isEmpty()) {
                ctx.send(Workload.ACKERS[acker], new SimMessage.ToAcker(router.batch(acker)));
            }
        }
        router = null;
    }
}
