package io.shepherd.testkit.sim;

/**
 * A handle on one scheduled event, used to cancel it before it runs.
 *
 * <p>A protocol re-arms its timeouts all the time (every heartbeat pushes an election deadline back),
 * so cancelling is cheap: the event stays in the queue, marked, and is discarded unseen when its time
 * comes. A cancelled event is not run, not counted and not traced, and does not keep the simulation
 * from being quiescent.
 */
public interface Timer {

    /**
     * Cancels the event if it has not run yet.
     *
     * @return true if this call cancelled it; false if it had already run or been cancelled
     */
    boolean cancel();

    /** True until the event has run or been cancelled. */
    boolean isPending();

    /** The simulated time the event is (or was) due, in nanoseconds. */
    long dueNs();
}
