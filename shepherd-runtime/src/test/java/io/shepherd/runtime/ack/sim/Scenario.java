package io.shepherd.runtime.ack.sim;

import io.shepherd.runtime.ack.AckConfig;
import io.shepherd.testkit.net.NetworkConditions;
import io.shepherd.testkit.time.SimTime;

/**
 * What one simulated run looks like: the job's size and pace, the ack settings, the network, whether a
 * fault plan is generated, and which flaw (if any) the glue has.
 *
 * @param splitDelayNs how long a split task works on a record before it emits and acks
 * @param pairHoldNs how long a pair task holds an input before it emits it, with a partner if one came
 * @param failRate the share of records a split task fails (after emitting some of their children)
 * @param sinkStalledUntilNs the sink neither writes nor acks anything before this time
 */
record Scenario(
        int recordsPerSource,
        AckConfig ack,
        NetworkConditions network,
        boolean chaos,
        long splitDelayNs,
        long pairHoldNs,
        double failRate,
        long sinkStalledUntilNs,
        Flaw flaw) {

    /** Loss, duplication, reordering, failing records, crashes and partitions. */
    static Scenario chaos(Flaw flaw) {
        return new Scenario(30,
                AckConfig.DEFAULT.withMaxPending(6).withMaxUncommitted(12)
                        .withTreeTimeoutNs(SimTime.millis(60))
                        .withBackstopNs(SimTime.millis(100))
                        .withProbeRetryNs(SimTime.millis(40)),
                NetworkConditions.reliable()
                        .withLatency(SimTime.millis(1), SimTime.millis(5))
                        .withReordering(true)
                        .withDropRate(0.01)
                        .withDuplicateRate(0.02),
                true, 0, SimTime.millis(5), 0.03, 0, flaw);
    }

    /**
     * A healthy pipeline whose trees take longer than the tree timeout and the backstop, with every hop well
     * within them: nothing may time out and nothing may be replayed.
     */
    static Scenario slowTrees() {
        return new Scenario(20,
                AckConfig.DEFAULT.withMaxPending(8).withMaxUncommitted(16)
                        .withTreeTimeoutNs(SimTime.millis(60))
                        .withBackstopNs(SimTime.millis(40))
                        .withProbeRetryNs(SimTime.millis(20)),
                NetworkConditions.reliable().withLatency(SimTime.millis(1), SimTime.millis(3)),
                false, SimTime.millis(40), SimTime.millis(40), 0, 0, Flaw.NONE);
    }

    /** A sink that takes nothing for half a second, with timeouts longer than that. */
    static Scenario stalledSink(long stalledUntilNs) {
        return new Scenario(40,
                AckConfig.DEFAULT.withMaxPending(8).withMaxUncommitted(16)
                        .withTreeTimeoutNs(10 * stalledUntilNs)
                        .withBackstopNs(SimTime.millis(100))
                        .withProbeRetryNs(SimTime.millis(50)),
                NetworkConditions.reliable().withLatency(SimTime.millis(1), SimTime.millis(3)),
                false, 0, SimTime.millis(5), 0, stalledUntilNs, Flaw.NONE);
    }
}
