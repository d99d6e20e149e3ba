package io.shepherd.cli.demo;

/**
 * How a demo run recovers from failures. Without one, no failure is injected and a failure that
 * happens anyway ends the run.
 */
public enum RecoveryMechanism implements Labeled {
    NONE("none", true),
    /** Barrier checkpoints: a failed job is restored from its latest completed checkpoint. */
    CHECKPOINTS("checkpoints", true),
    /** Per-record acknowledgements with replay from the source (ack mode); not wired into the engine yet. */
    ACKING("acking", false);

    private final String label;
    private final boolean available;

    RecoveryMechanism(String label, boolean available) {
        this.label = label;
        this.available = available;
    }

    @Override
    public String label() {
        return label;
    }

    /** Whether the engine can run a job with it yet. */
    public boolean available() {
        return available;
    }

    /** This mechanism, if {@link #available()}; else an error saying what to use instead. */
    public RecoveryMechanism requireAvailable() {
        if (!available) {
            throw new IllegalArgumentException("recovery mechanism '" + label + "' is not available yet: the engine "
                    + "cannot run a job with it; use checkpoints");
        }
        return this;
    }
}
