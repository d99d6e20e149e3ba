package io.shepherd.testkit.sim;

/**
 * A simulation went wrong: an invariant broke, a limit was crossed, or an event's action threw.
 *
 * <p>The message is a full report meant to be read top to bottom: what went wrong, the seed and how
 * to replay it, the simulated time, the context the test registered (such as the fault plan) and the
 * last events of the trace. It is an {@link AssertionError} so that test frameworks report it as a
 * failed check rather than as an error in the test's own code.
 */
public class SimulationFailure extends AssertionError {

    private static final long serialVersionUID = 1L;

    private final long seed;
    private final long timeNs;
    private final long eventIndex;

    SimulationFailure(String report, Throwable cause, long seed, long timeNs, long eventIndex) {
        super(report, cause);
        this.seed = seed;
        this.timeNs = timeNs;
        this.eventIndex = eventIndex;
    }

    /** The seed of the run that failed. */
    public long seed() {
        return seed;
    }

    /** The simulated time of the failure, in nanoseconds. */
    public long timeNs() {
        return timeNs;
    }

    /** How many events had run when the failure was found. */
    public long eventIndex() {
        return eventIndex;
    }
}
