package io.shepherd.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import io.shepherd.cli.bench.BenchCommand;
import io.shepherd.cli.checkpoints.CheckpointsCommand;
import io.shepherd.cli.demo.DemoCommand;
import io.shepherd.cli.run.RunCommand;
import io.shepherd.cli.savepoint.SavepointCommand;
import io.shepherd.cli.wal.WalCommand;
import java.util.concurrent.Callable;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * The {@code shepherd} command: the root of the subcommands, the place that turns their outcomes
 * into exit codes ({@link ExitCodes}).
 */
@Command(
        name = "shepherd",
        scope = ScopeType.INHERIT,
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Shepherd: a stateful stream-processing engine whose first promise is recovery.",
        subcommands = {
            DemoCommand.class, RunCommand.class, BenchCommand.class, WalCommand.class, CheckpointsCommand.class,
            SavepointCommand.class
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:success",
            "1:the job failed, or the demo's verification found wrong output",
            "2:bad command line or input: unknown option, missing class or jar"
        })
public final class Shepherd implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    private boolean verbose;

    @Option(
            names = {"-v", "--verbose"},
            scope = ScopeType.INHERIT,
            description = "Log the engine's progress (INFO) and print stack traces of errors.")
    void setVerbose(boolean verbose) {
        this.verbose = verbose;
        if (verbose) {
            ((Logger) LoggerFactory.getLogger("io.shepherd")).setLevel(Level.INFO);
        }
    }

    /** Without a subcommand there is nothing to do: say what there is. */
    @Override
    public Integer call() {
        spec.commandLine().getErr().println("shepherd: missing a command");
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCodes.USAGE;
    }

    boolean verbose() {
        return verbose;
    }

    /** The command line, with the error handling every entry point (main, tests) shares. */
    public static CommandLine commandLine() {
        Shepherd root = new Shepherd();
        CommandLine commandLine = new CommandLine(root);
        commandLine.setExecutionExceptionHandler(new ErrorHandler(root));
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        return commandLine;
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** Prints a failure as one line a user can act on; stack traces only with {@code --verbose}. */
    private record ErrorHandler(Shepherd root) implements CommandLine.IExecutionExceptionHandler {
        @Override
        public int handleExecutionException(
                Exception exception, CommandLine commandLine, CommandLine.ParseResult parseResult) {
            String command = commandLine.getCommandSpec().qualifiedName();
            commandLine.getErr().println(command + ": " + message(exception));
            if (root.verbose()) {
                exception.printStackTrace(commandLine.getErr());
            }
            commandLine.getErr().flush();
            return exception instanceof UserError ? ExitCodes.USAGE : ExitCodes.FAILED;
        }

        private static String message(Throwable error) {
            if (error instanceof UserError) {
                return error.getMessage();
            }
            String message = error.getMessage();
            return message == null ? error.toString() : message;
        }
    }
}
