package io.shepherd.cli.demo;

import io.shepherd.api.checkpoint.CheckpointingMode;

/** The checkpointing mode of a demo run with {@link RecoveryMechanism#CHECKPOINTS}, and the guarantee it keeps. */
public enum Checkpointing implements Labeled {
    ALIGNED("aligned", CheckpointingMode.ALIGNED, Guarantee.EXACTLY_ONCE),
    UNALIGNED("unaligned", CheckpointingMode.UNALIGNED, Guarantee.EXACTLY_ONCE),
    /** Barriers do not align: after a restore, legs that passed a barrier early are applied again. */
    AT_LEAST_ONCE("at-least-once", CheckpointingMode.AT_LEAST_ONCE, Guarantee.AT_LEAST_ONCE);

    private final String label;
    private final CheckpointingMode mode;
    private final Guarantee keeps;

    Checkpointing(String label, CheckpointingMode mode, Guarantee keeps) {
        this.label = label;
        this.mode = mode;
        this.keeps = keeps;
    }

    @Override
    public String label() {
        return label;
    }

    /** The engine's mode. */
    public CheckpointingMode mode() {
        return mode;
    }

    /** The strongest guarantee a job's output keeps through failures in this mode. */
    public Guarantee keeps() {
        return keeps;
    }

    /** The mode a run uses when none is given: at-least-once for an at-least-once run, aligned otherwise. */
    public static Checkpointing defaultFor(Guarantee guarantee) {
        return guarantee == Guarantee.AT_LEAST_ONCE ? AT_LEAST_ONCE : ALIGNED;
    }
}
