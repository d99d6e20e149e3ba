package io.shepherd.cli.demo;

import static io.shepherd.cli.demo.FailureMode.droppedIn;
import static io.shepherd.cli.demo.FailureMode.thrownIn;

import java.util.List;

/**
 * How a demo run recovers from failures, and so which failures it can be put through. Without one, no
 * failure is injected and a failure that happens anyway ends the run.
 */
public enum RecoveryMechanism implements Labeled {
    NONE("none", List.of()),
    /** Barrier checkpoints: a failed job is restored from its latest completed checkpoint. */
    CHECKPOINTS("checkpoints", List.of(
            thrownIn(FailureSite.SOURCE), thrownIn(FailureSite.BALANCES), thrownIn(FailureSite.SINK))),
    /**
     * Ack mode: a record's tree fails where a function throws, or times out where a record vanished, and the
     * source emits the record again. A source reader that throws fails the job even here, so the source's task
     * fails in the function chained to it instead.
     */
    ACKING("acking", List.of(thrownIn(FailureSite.SPLIT), thrownIn(FailureSite.BALANCES),
            thrownIn(FailureSite.SINK), droppedIn(FailureSite.BALANCES)));

    private final String label;
    private final List<FailureMode> failureModes;

    RecoveryMechanism(String label, List<FailureMode> failureModes) {
        this.label = label;
        this.failureModes = failureModes;
    }

    @Override
    public String label() {
        return label;
    }

    /** The failures a run recovering this way is put through; none without a mechanism. */
    public List<FailureMode> failureModes() {
        return failureModes;
    }
}
