package io.shepherd.testkit.sim;

/** A named invariant did not hold; the report says which, what was wrong, and when. */
public final class InvariantViolation extends SimulationFailure {

    private static final long serialVersionUID = 1L;

    private final String invariant;
    private final String detail;

    InvariantViolation(String report, String invariant, String detail, long seed, long timeNs, long eventIndex) {
        super(report, null, seed, timeNs, eventIndex);
        this.invariant = invariant;
        this.detail = detail;
    }

    /** The invariant's name, as the test registered it. */
    public String invariant() {
        return invariant;
    }

    /** What the invariant said was wrong. */
    public String detail() {
        return detail;
    }
}
