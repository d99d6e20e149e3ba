package io.shepherd.cli.demo;

import io.shepherd.cli.ExitCodes;
import io.shepherd.cli.progress.ProgressReporter;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code shepherd demo}: runs the bank-transfers job on the embedded engine, optionally through
 * injected failures, and proves its output right against a reference computed from the seed.
 * Progress goes to stderr; the summary, or with {@code --json} one JSON object, to stdout. Exits 1
 * when the verification fails, 2 for options that contradict each other.
 */
@Command(
        name = "demo",
        mixinStandardHelpOptions = true,
        description = {
            "Run the bank-transfers pipeline on the embedded engine and verify its output.",
            "Seeded transfers {txId, from, to, amount} are split into a debit and a credit leg, keyed by account, "
                    + "applied to a running balance in keyed state, and every applied leg is recorded. The output is "
                    + "then checked against a reference computed independently from the seed: every leg applied "
                    + "exactly once, every final balance right, total money conserved.",
            "With --failures N, N failures strike at moments drawn from the seed, each once the job has recovered "
                    + "from the one before, and the check also demands N recoveries. With checkpoints they are "
                    + "exceptions in the source, the balance operator or the sink, and the job restores its latest "
                    + "checkpoint each time. With acking they are exceptions in the legs splitter, the balance "
                    + "operator or the sink, or records the balance operator drops without a trace; the failed or "
                    + "timed-out transfer is emitted again by the source."
        })
public final class DemoCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--transfers", paramLabel = "N", defaultValue = "10000000",
            description = "Transfers to generate (default: ${DEFAULT-VALUE}).")
    long transfers;

    @Option(names = "--accounts", paramLabel = "N", defaultValue = "10000",
            description = "Accounts they move money between (default: ${DEFAULT-VALUE}).")
    int accounts;

    @Option(names = "--parallelism", paramLabel = "N", defaultValue = "2",
            description = "Subtasks per operator (default: ${DEFAULT-VALUE}).")
    int parallelism;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "1",
            description = "Seed of the transfers and of the failures; the same seed gives the same input and the "
                    + "same failure plan (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--guarantee", paramLabel = "G",
            description = "What the verification demands: exactly-once, at-least-once (doubles allowed) or "
                    + "at-most-once (losses allowed) (default: at-least-once with --mechanism acking or "
                    + "--checkpointing at-least-once, else exactly-once).")
    String guarantee;

    @Option(names = "--mechanism", paramLabel = "M",
            description = "How the job recovers from failures: none, checkpoints, or acking (per-record "
                    + "acknowledgements with replay; at-least-once) "
                    + "(default: checkpoints with --failures, --checkpointing or --checkpoint-interval, else none).")
    String mechanism;

    @Option(names = "--checkpointing", paramLabel = "MODE",
            description = "Checkpointing mode: aligned, unaligned or at-least-once; exactly-once needs aligned or "
                    + "unaligned (default: at-least-once with --guarantee at-least-once, else aligned).")
    String checkpointing;

    @Option(names = "--checkpoint-interval", paramLabel = "DURATION",
            description = "Time between checkpoints, 1ms to 10s, e.g. 200ms or 1s (default: 200ms).")
    String checkpointInterval;

    @Option(names = "--failures", paramLabel = "N", defaultValue = "0",
            description = "Failures to inject, each recovered from before the next is thrown (default: "
                    + "${DEFAULT-VALUE}).")
    int failures;

    @Option(names = "--json", description = "Print one JSON object on stdout instead of the summary.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        DemoSpec demo = spec();
        PrintWriter out = spec.commandLine().getOut();
        DemoOutcome outcome = DemoRunner.run(demo, spec.commandLine().getErr(), ProgressReporter.stderrIsTerminal());
        out.print(json ? DemoReport.json(outcome) + System.lineSeparator() : DemoReport.human(outcome));
        out.flush();
        return outcome.verified() ? ExitCodes.OK : ExitCodes.FAILED;
    }

    private DemoSpec spec() {
        try {
            Checkpointing mode = checkpointing == null ? null
                    : Labeled.parse(Checkpointing.values(), "--checkpointing", checkpointing);
            RecoveryMechanism recovery = mechanism();
            Guarantee promised = guarantee(recovery, mode);
            return new DemoSpec(transfers, accounts, parallelism, seed, DemoSpec.DEFAULT_OPENING_BALANCE, promised,
                    recovery, checkpoints(recovery, mode == null ? Checkpointing.defaultFor(promised) : mode), failures);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    /** The guarantee asked for; without one, what ack mode or the checkpointing mode asked for keeps. */
    private Guarantee guarantee(RecoveryMechanism recovery, Checkpointing mode) {
        if (guarantee != null) {
            return Labeled.parse(Guarantee.values(), "--guarantee", guarantee);
        }
        if (recovery == RecoveryMechanism.ACKING) {
            return Guarantee.AT_LEAST_ONCE;
        }
        return mode == null ? Guarantee.EXACTLY_ONCE : mode.keeps();
    }

    /** The mechanism asked for; without one, checkpoints when anything about recovery was asked for. */
    private RecoveryMechanism mechanism() {
        if (mechanism != null) {
            return Labeled.parse(RecoveryMechanism.values(), "--mechanism", mechanism);
        }
        boolean recoveryAskedFor = failures > 0 || checkpointing != null || checkpointInterval != null;
        return recoveryAskedFor ? RecoveryMechanism.CHECKPOINTS : RecoveryMechanism.NONE;
    }

    private CheckpointSettings checkpoints(RecoveryMechanism recovery, Checkpointing mode) {
        if (recovery != RecoveryMechanism.CHECKPOINTS) {
            if (checkpointing != null || checkpointInterval != null) {
                throw new IllegalArgumentException("--checkpointing and --checkpoint-interval need --mechanism "
                        + "checkpoints, not " + recovery.label());
            }
            return null;
        }
        Duration interval = checkpointInterval == null ? CheckpointSettings.DEFAULT_INTERVAL
                : Durations.parse("--checkpoint-interval", checkpointInterval);
        return new CheckpointSettings(mode, interval);
    }
}
