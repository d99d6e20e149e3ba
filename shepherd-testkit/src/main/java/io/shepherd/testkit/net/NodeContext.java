package io.shepherd.testkit.net;

import io.shepherd.common.Clock;
import io.shepherd.testkit.sim.Timer;
import java.util.SplittableRandom;

/**
 * What one incarnation of a node may do to the world: read the clock, draw random numbers, send
 * messages and set timers.
 *
 * <p>A context belongs to one incarnation. When its node crashes, the timers it set are cancelled, and
 * any later call on it throws {@link IllegalStateException}: code of a crashed process must not run,
 * and a test that keeps calling a dead instance has a bug worth hearing about.
 */
public interface NodeContext<M> {

    /** This node's id on the network. */
    int id();

    /** 1 for the first start, one more on each restart. */
    int incarnation();

    /** The simulated clock, shared by all nodes. */
    Clock clock();

    /**
     * This incarnation's random stream, derived from the run seed, the node id and the incarnation,
     * so that a node's random choices do not depend on what other nodes draw.
     */
    SplittableRandom random();

    /** Sends {@code message} to node {@code to}; the network decides when, whether and how often it arrives. */
    void send(int to, M message);

    /**
     * Runs {@code action} after {@code delayNs} unless this incarnation has crashed by then.
     *
     * @param label what the timer is, for the trace; the node id is added in front
     */
    Timer schedule(long delayNs, Object label, Runnable action);
}
