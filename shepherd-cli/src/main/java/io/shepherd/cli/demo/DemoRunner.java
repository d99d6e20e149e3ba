package io.shepherd.cli.demo;

import io.shepherd.api.StreamEnvironment;
import io.shepherd.api.ack.AckMetrics;
import io.shepherd.api.checkpoint.RestartStrategy;
import io.shepherd.api.execution.JobClient;
import io.shepherd.api.execution.JobExecutionException;
import io.shepherd.api.execution.JobResult;
import io.shepherd.cli.progress.ProgressReporter;
import io.shepherd.common.Clock;
import java.io.PrintWriter;
import java.time.Duration;

/**
 * Runs the bank-transfers job on the embedded engine, with progress on stderr, the run's failures
 * injected and recovered from, then verifies it.
 */
public final class DemoRunner {
    private static final Duration PROGRESS_INTERVAL = Duration.ofSeconds(1);
    /** Long against a healthy tree's milliseconds, short against the run. */
    private static final Duration ACK_TREE_TIMEOUT = Duration.ofSeconds(1);

    private DemoRunner() {}

    /**
     * @param err where progress goes
     * @param liveProgress whether {@code err} is a terminal (one line rewritten in place)
     * @throws JobExecutionException when the job fails: without a recovery mechanism at its first
     *     failure, with checkpoints at a failure beyond those injected, in ack mode when a source reader
     *     fails
     */
    public static DemoOutcome run(DemoSpec spec, PrintWriter err, boolean liveProgress)
            throws JobExecutionException, InterruptedException {
        StreamEnvironment env = StreamEnvironment.create().setParallelism(spec.parallelism());
        configureRecovery(env, spec);
        try (LegLedger ledger = LegLedger.open(spec.transfers(), spec.accounts(), spec.openingBalance());
                FailureInjector failures = FailureInjector.open(FailurePoint.draw(
                        spec.seed(), spec.failures(), spec.transfers(), spec.mechanism().failureModes()));
                InjectedFailureLogFilter quiet = InjectedFailureLogFilter.install()) {
            BankTransfers.build(env, spec, ledger, failures);
            JobClient client = env.executeAsync(BankTransfers.JOB_NAME);
            if (spec.mechanism() == RecoveryMechanism.ACKING) {
                failures.armAll();
            } else {
                failures.follow(() -> client.recoveries().size());
            }
            JobResult result;
            try (ProgressReporter progress = new ProgressReporter(
                            client::metrics, err, liveProgress, Clock.system(), "transfers", spec.transfers())
                    .start(PROGRESS_INTERVAL)) {
                result = client.await();
            }
            Verification verification = DemoVerifier.verify(spec, ledger);
            return new DemoOutcome(spec, result.duration(), verification, failures.injections(), result.recoveries(),
                    result.metrics().acking());
        }
    }

    /** Ack mode's recoveries: trees failed by an exception or timed out, each of which the source replays. */
    static long settledTrees(AckMetrics acking) {
        return acking.failed() + acking.timedOut();
    }

    /**
     * Checkpoints as the spec says, and one immediate restart per injected failure: a failure the demo did not
     * inject fails the run, naming it, instead of being recovered from unseen. Or ack mode, with a tree
     * timeout short enough that a dropped record is emitted again within the run.
     */
    private static void configureRecovery(StreamEnvironment env, DemoSpec spec) {
        switch (spec.mechanism()) {
            case NONE -> { }
            case CHECKPOINTS -> env.config().checkpointing()
                    .setInterval(spec.checkpoints().interval())
                    .setMode(spec.checkpoints().checkpointing().mode())
                    .setRestartStrategy(RestartStrategy.fixedDelay(spec.failures(), Duration.ZERO));
            case ACKING -> env.config().acking().enable().setTreeTimeout(ACK_TREE_TIMEOUT);
        }
    }
}
