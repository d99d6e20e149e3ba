package io.shepherd.cli.demo;

import java.time.Duration;

/**
 * How a demo run went.
 *
 * @param spec what was run
 * @param jobDuration from the job's start to its end
 * @param verification what the verifier found
 * @param failuresInjected failures injected during the run
 * @param recoveries recoveries the engine made from them
 */
public record DemoOutcome(
        DemoSpec spec, Duration jobDuration, Verification verification, int failuresInjected, int recoveries) {

    /** Whether the output keeps the guarantee the run promised. */
    public boolean verified() {
        return verification.satisfies(spec.guarantee());
    }

    /** Transfers read per second of the job's run. */
    public double transfersPerSecond() {
        long nanos = jobDuration.toNanos();
        return nanos <= 0 ? 0 : spec.transfers() * 1e9 / nanos;
    }
}
