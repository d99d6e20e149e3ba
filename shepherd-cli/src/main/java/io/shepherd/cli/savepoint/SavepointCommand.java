package io.shepherd.cli.savepoint;

import io.shepherd.cli.ExitCodes;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code shepherd savepoint}: work with savepoints without running a job. */
@Command(
        name = "savepoint",
        mixinStandardHelpOptions = true,
        description = "Check whether a job can start from a savepoint, without running it.",
        subcommands = {SavepointCheckCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:the state fits the job",
            "1:the state does not fit the job (the report says why), or a savepoint file is damaged",
            "2:bad command line: no savepoint at the path, a job class that cannot be loaded or built"
        })
public final class SavepointCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().getErr().println("savepoint: missing a subcommand (check)");
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCodes.USAGE;
    }
}
