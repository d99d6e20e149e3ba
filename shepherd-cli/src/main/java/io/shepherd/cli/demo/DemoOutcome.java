package io.shepherd.cli.demo;

import io.shepherd.api.ack.AckMetrics;
import io.shepherd.api.execution.Recovery;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * How a demo run went.
 *
 * @param spec what was run
 * @param jobDuration from the job's start to its end
 * @param verification what the verifier found
 * @param injected the failures thrown during the run, in order
 * @param recoveries the restores the engine reported, in order: with checkpoints, the <i>i</i>-th is from the
 *     <i>i</i>-th failure
 * @param acking what ack mode counted; {@link AckMetrics#NONE} without it
 */
public record DemoOutcome(
        DemoSpec spec,
        Duration jobDuration,
        Verification verification,
        List<FailureInjector.Injection> injected,
        List<Recovery> recoveries,
        AckMetrics acking) {

    public DemoOutcome {
        injected = List.copyOf(injected);
        recoveries = List.copyOf(recoveries);
    }

    /** Whether the output keeps the guarantee the run promised, through every failure it asked for. */
    public boolean verified() {
        return verification.satisfies(spec.guarantee()) && recoveryShortfall().isEmpty();
    }

    /** Why the run did not recover once from each failure it asked for; empty when it did. */
    public Optional<String> recoveryShortfall() {
        if (injected.size() < spec.failures()) {
            return Optional.of("only " + injected.size() + " of " + spec.failures()
                    + " failures were injected before the input ended; use more transfers");
        }
        if (spec.mechanism() == RecoveryMechanism.ACKING) {
            // A healthy tree stalled past the timeout (a long pause) is replayed too: more is no shortfall.
            if (recoveryCount() < injected.size()) {
                return Optional.of(injected.size() + " failures were injected, but the job reports only "
                        + recoveryCount() + " failed or timed-out trees");
            }
        } else if (recoveryCount() != injected.size()) {
            return Optional.of(injected.size() + " failures were injected, but the job reports " + recoveryCount()
                    + " recoveries");
        }
        return Optional.empty();
    }

    /** Restores with checkpoints; in ack mode, the trees failed or timed out, each emitted again by its source. */
    public long recoveryCount() {
        return spec.mechanism() == RecoveryMechanism.ACKING ? DemoRunner.settledTrees(acking) : recoveries.size();
    }

    /** Transfers read per second of the job's run. */
    public double transfersPerSecond() {
        long nanos = jobDuration.toNanos();
        return nanos <= 0 ? 0 : spec.transfers() * 1e9 / nanos;
    }

    /** The mean time from a failure to the restored job's first progress, in milliseconds; 0 without recoveries. */
    public double recoveryMsMean() {
        return recoveries.stream().mapToDouble(DemoOutcome::millis).average().orElse(0);
    }

    /** The longest time from a failure to the restored job's first progress, in milliseconds; 0 without recoveries. */
    public double recoveryMsMax() {
        return recoveries.stream().mapToDouble(DemoOutcome::millis).max().orElse(0);
    }

    static double millis(Recovery recovery) {
        return recovery.recoveryTime().toNanos() / 1e6;
    }
}
