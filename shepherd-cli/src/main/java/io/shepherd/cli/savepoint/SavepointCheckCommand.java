package io.shepherd.cli.savepoint;

import io.shepherd.cli.ExitCodes;
import io.shepherd.cli.UserError;
import io.shepherd.cli.run.JobOptions;
import io.shepherd.runtime.execution.SavepointCheck;
import io.shepherd.runtime.execution.SavepointReport;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code shepherd savepoint check}: builds the job exactly as {@code shepherd run} would with the
 * same options, and checks it against a savepoint without running it ({@link SavepointCheck}).
 * Prints the report on stdout; exits 0 when the state fits, 1 when it does not.
 */
@Command(
        name = "check",
        mixinStandardHelpOptions = true,
        description = {
            "Check whether a job can start from a savepoint, without running it: which operator takes each "
                    + "state, how state spreads over a changed parallelism, and what would stop the job.",
            "Give the job's options as for run. The check opens the job's stateful operators (not sources and "
                    + "sinks) to learn the state they ask for: their open() and close() run once."
        })
public final class SavepointCheckCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    JobOptions job;

    @Option(names = "--from-savepoint", required = true, paramLabel = "DIR",
            description = "The savepoint (or retained checkpoint) directory to check the job against.")
    Path savepoint;

    @Override
    public Integer call() throws Exception {
        if (!Files.isDirectory(savepoint)) {
            throw new UserError("no savepoint at " + savepoint + ": give the directory the savepoint was written to"
                    + " (it holds a _metadata file)");
        }
        SavepointReport report = job.withBuiltJob("savepoint check",
                (env, jobName) -> SavepointCheck.check(env.buildPlan(jobName), savepoint));
        PrintWriter out = spec.commandLine().getOut();
        out.print(report.describe());
        out.flush();
        return report.fits() ? ExitCodes.OK : ExitCodes.FAILED;
    }
}
