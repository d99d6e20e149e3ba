package io.shepherd.cli.checkpoints;

import io.shepherd.cli.ExitCodes;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code shepherd checkpoints}: statistics of the checkpoints in a job's checkpoint directory. */
@Command(
        name = "checkpoints",
        mixinStandardHelpOptions = true,
        description = "List the checkpoints of a checkpoint directory, or show one task by task.",
        subcommands = {CheckpointsListCommand.class, CheckpointsShowCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:done",
            "1:the checkpoint log or a metadata file is damaged or cannot be read",
            "2:bad command line: missing directory, not a checkpoint directory, no such checkpoint"
        })
public final class CheckpointsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().getErr().println("checkpoints: missing a subcommand (list or show)");
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCodes.USAGE;
    }
}
