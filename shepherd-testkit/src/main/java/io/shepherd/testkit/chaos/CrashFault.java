package io.shepherd.testkit.chaos;

import io.shepherd.testkit.net.SimNetwork;

/**
 * Node {@code node} crashes at {@code startNs} and restarts at {@code endNs}, or stays down if
 * {@code endNs} is {@link Long#MAX_VALUE}.
 *
 * <p>If the node is already down when the crash is due (the test crashed it itself), the fault is
 * skipped and noted in the trace, and it will not restart the node either: a plan only undoes what it
 * did.
 */
public record CrashFault(int node, long startNs, long endNs) implements Fault {

    public CrashFault {
        if (startNs < 0 || endNs <= startNs) {
            throw new IllegalArgumentException("crash of node " + node + " needs 0 <= start < end, got "
                    + startNs + " and " + endNs);
        }
    }

    @Override
    public String describe() {
        return "crash node " + node + (endNs == Long.MAX_VALUE ? ", never restarted" : "");
    }

    @Override
    public void scheduleOn(SimNetwork<?> network) {
        boolean[] crashedByPlan = {false};
        network.scheduler().scheduleAt(startNs, "chaos: crash node " + node, () -> {
            if (network.isUp(node)) {
                network.crash(node);
                crashedByPlan[0] = true;
            } else {
                network.scheduler().note("chaos: node " + node + " is already down; crash skipped");
            }
        });
        if (endNs != Long.MAX_VALUE) {
            network.scheduler().scheduleAt(endNs, "chaos: restart node " + node, () -> {
                if (crashedByPlan[0] && !network.isUp(node)) {
                    network.restart(node);
                }
            });
        }
    }
}
