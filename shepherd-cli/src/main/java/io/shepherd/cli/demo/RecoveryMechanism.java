package io.shepherd.cli.demo;

/**
 * How a demo run recovers from failures. Only {@link #NONE} exists yet: no failure is injected,
 * and a failure that happens anyway ends the run.
 */
public enum RecoveryMechanism {
    NONE("none");

    private final String label;

    RecoveryMechanism(String label) {
        this.label = label;
    }

    /** The name used on the command line and in the JSON report. */
    public String label() {
        return label;
    }
}
