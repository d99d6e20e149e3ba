package io.shepherd.testkit.sim;

/**
 * A run crossed one of its {@link SimLimits}: most often a livelock or a protocol that never
 * quiesces, sometimes a legitimately long run whose limit should be raised.
 */
public final class SimulationLimitExceeded extends SimulationFailure {

    private static final long serialVersionUID = 1L;

    private final String limit;

    SimulationLimitExceeded(String report, String limit, long seed, long timeNs, long eventIndex) {
        super(report, null, seed, timeNs, eventIndex);
        this.limit = limit;
    }

    /** Which limit was crossed, named as in {@link SimLimits}, e.g. {@code maxEvents}. */
    public String limit() {
        return limit;
    }
}
