package io.shepherd.cli.demo;

import io.shepherd.api.StreamEnvironment;
import io.shepherd.api.execution.JobClient;
import io.shepherd.api.execution.JobExecutionException;
import io.shepherd.api.execution.JobResult;
import io.shepherd.cli.progress.ProgressReporter;
import io.shepherd.common.Clock;
import java.io.PrintWriter;
import java.time.Duration;

/** Runs the bank-transfers job on the embedded engine, with progress on stderr, then verifies it. */
public final class DemoRunner {
    private static final Duration PROGRESS_INTERVAL = Duration.ofSeconds(1);

    private DemoRunner() {}

    /**
     * @param err where progress goes
     * @param liveProgress whether {@code err} is a terminal (one line rewritten in place)
     * @throws JobExecutionException when the job fails; without a recovery mechanism that ends the run
     */
    public static DemoOutcome run(DemoSpec spec, PrintWriter err, boolean liveProgress)
            throws JobExecutionException, InterruptedException {
        StreamEnvironment env = StreamEnvironment.create().setParallelism(spec.parallelism());
        try (LegLedger ledger = LegLedger.open(spec.transfers(), spec.accounts(), spec.openingBalance())) {
            BankTransfers.build(env, spec, ledger);
            JobClient client = env.executeAsync(BankTransfers.JOB_NAME);
            JobResult result;
            try (ProgressReporter progress = new ProgressReporter(
                            client::metrics, err, liveProgress, Clock.system(), "transfers", spec.transfers())
                    .start(PROGRESS_INTERVAL)) {
                result = client.await();
            }
            Verification verification = DemoVerifier.verify(spec, ledger);
            return new DemoOutcome(spec, result.duration(), verification, 0, 0);
        }
    }
}
