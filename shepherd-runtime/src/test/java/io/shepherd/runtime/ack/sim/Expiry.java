package io.shepherd.runtime.ack.sim;

import io.shepherd.testkit.net.NodeContext;
import io.shepherd.testkit.sim.Timer;

/** Keeps a node's one expiry timer at the state machine's next expiry time. */
final class Expiry {
    private Expiry() {}

    /** Returns the timer now armed for {@code dueNs} (null if nothing is due), moving {@code current} if needed. */
    static Timer rearm(NodeContext<SimMessage> ctx, Timer current, long dueNs, String label, Runnable expire) {
        long nowNs = ctx.clock().nanoTime();
        long atNs = Math.max(nowNs, dueNs);
        if (current != null && current.isPending() && current.dueNs() == atNs) {
            return current;
        }
        if (current != null) {
            current.cancel();
        }
        return dueNs == Long.MAX_VALUE ? null : ctx.schedule(atNs - nowNs, label, expire);
    }
}
