package io.shepherd.cli.run;

import io.shepherd.api.StreamEnvironment;
import io.shepherd.api.checkpoint.CheckpointConfig;
import io.shepherd.api.execution.JobClient;
import io.shepherd.api.execution.JobResult;
import io.shepherd.api.execution.JobStatus;
import io.shepherd.cli.ExitCodes;
import io.shepherd.cli.UserError;
import io.shepherd.cli.progress.ProgressReporter;
import io.shepherd.common.Clock;
import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code shepherd run}: loads a job class (from a jar, or the class path) and runs it on the
 * embedded engine. A class implementing {@link io.shepherd.api.Job} is built in an environment
 * configured from the options, run with progress on stderr, and summed up on stdout; a class with
 * a {@code main} method is simply called, with the positional arguments.
 *
 * <p>With {@code --savepoint-dir}, a stop (Ctrl-C, SIGTERM) takes a savepoint before the job stops
 * and prints where it went; {@code --from-savepoint} starts a job from one.
 */
@Command(
        name = "run",
        mixinStandardHelpOptions = true,
        description = {
            "Run a job class on the embedded engine.",
            "The class either implements io.shepherd.api.Job (then the options below configure it, progress is "
                    + "shown and the result summed up) or has a public static void main(String[]) (then it is called "
                    + "with the ARGS, and -D pairs become system properties)."
        })
public final class RunCommand implements Callable<Integer> {
    private static final Duration PROGRESS_INTERVAL = Duration.ofSeconds(1);

    @Spec
    CommandSpec spec;

    @Mixin
    JobOptions job;

    @Option(names = "--from-savepoint", paramLabel = "DIR",
            description = "Start from this savepoint (or retained checkpoint) directory; needs checkpoints.")
    Path fromSavepoint;

    @Option(names = "--savepoint-dir", paramLabel = "DIR",
            description = "On Ctrl-C or SIGTERM, take a savepoint, stop the job and copy the savepoint into DIR; "
                    + "needs checkpoints.")
    Path savepointDir;

    @Parameters(paramLabel = "ARGS", description = "Arguments for a main method.")
    List<String> mainArguments = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        return job.withJobClass(loaded -> loaded instanceof LoadedJob.Buildable buildable
                ? runBuildable(buildable)
                : runMain((LoadedJob.WithMain) loaded));
    }

    private int runBuildable(LoadedJob.Buildable buildable) throws Exception {
        if (!mainArguments.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "positional arguments " + mainArguments
                    + " are for a main method; " + job.className() + " implements Job: pass its arguments as -D "
                    + "key=value");
        }
        StreamEnvironment env = job.build(buildable);
        CheckpointConfig checkpointing = env.config().checkpointing();
        requireCheckpointsForSavepoints(checkpointing);
        if (fromSavepoint != null) {
            checkpointing.setRestoreFrom(fromSavepoint.toString());
        }
        JobClient client = env.executeAsync(buildable.job().name());
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        StopWithSavepoint stop = savepointDir == null ? null
                : new StopWithSavepoint(client, savepointDir, checkpointing.timeout(), out, err);
        JobResult result;
        try (ShutdownSignal signal = stop == null ? null : ShutdownSignal.onStop(stop)) {
            try (ProgressReporter progress = new ProgressReporter(
                            client::metrics, err, ProgressReporter.stderrIsTerminal(), Clock.system(), "records", -1)
                    .start(PROGRESS_INTERVAL)) {
                result = client.await();
            }
            JobSummary.print(result, out);
        }
        boolean stoppedWithSavepoint = stop != null && stop.savepoint() != null;
        return result.status() == JobStatus.FINISHED || stoppedWithSavepoint ? ExitCodes.OK : ExitCodes.FAILED;
    }

    /** A job restores state, and takes savepoints, only with checkpoints on: say so rather than start it empty. */
    private void requireCheckpointsForSavepoints(CheckpointConfig checkpointing) {
        String option = fromSavepoint != null ? "--from-savepoint" : savepointDir != null ? "--savepoint-dir" : null;
        if (option != null && !checkpointing.isEnabled()) {
            throw new UserError(option + " needs checkpoints: give --checkpoint-interval (e.g. 10s), or enable them in "
                    + "the job");
        }
        if (fromSavepoint != null && !Files.isDirectory(fromSavepoint)) {
            throw new UserError("no savepoint at " + fromSavepoint + ": give the directory the savepoint was written to"
                    + " (it holds a _metadata file)");
        }
    }

    private int runMain(LoadedJob.WithMain withMain) throws Exception {
        List<String> ignored = job.configOptionsGiven();
        if (fromSavepoint != null) {
            ignored.add("--from-savepoint");
        }
        if (savepointDir != null) {
            ignored.add("--savepoint-dir");
        }
        if (!ignored.isEmpty()) {
            spec.commandLine().getErr().println("run: warning: " + String.join(", ", ignored) + " ignored: "
                    + job.className() + " has a main method and configures its own environment; implement "
                    + "io.shepherd.api.Job to let the command configure it");
        }
        job.arguments.forEach(System::setProperty);
        try {
            withMain.main().invoke(null, (Object) mainArguments.toArray(String[]::new));
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof Exception exception) {
                throw exception;
            }
            throw (Error) cause;
        }
        return ExitCodes.OK;
    }
}
