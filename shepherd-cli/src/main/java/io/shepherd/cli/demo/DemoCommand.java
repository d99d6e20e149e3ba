package io.shepherd.cli.demo;

import io.shepherd.cli.ExitCodes;
import io.shepherd.cli.progress.ProgressReporter;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code shepherd demo}: runs the bank-transfers job on the embedded engine and proves its output
 * right against a reference computed from the seed. Progress goes to stderr; the summary, or with
 * {@code --json} one JSON object, to stdout. Exits 1 when the verification fails.
 */
@Command(
        name = "demo",
        mixinStandardHelpOptions = true,
        description = {
            "Run the bank-transfers pipeline on the embedded engine and verify its output.",
            "Seeded transfers {txId, from, to, amount} are split into a debit and a credit leg, keyed by account, "
                    + "applied to a running balance in keyed state, and every applied leg is recorded. The output is "
                    + "then checked against a reference computed independently from the seed: every leg applied "
                    + "exactly once, every final balance right, total money conserved."
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
            description = "Seed of the transfers; the same seed gives the same input (default: ${DEFAULT-VALUE}).")
    long seed;

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
            return DemoSpec.of(transfers, accounts, parallelism, seed);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }
}
