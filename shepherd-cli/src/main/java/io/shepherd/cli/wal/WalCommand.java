package io.shepherd.cli.wal;

import io.shepherd.cli.ExitCodes;
import java.io.InputStream;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code shepherd wal}: write, read and check write-ahead logs from the command line. Each subcommand
 * maps its own outcome to an exit code: 0 done, 1 corruption or another failure, 2 a usage error.
 */
@Command(
        name = "wal",
        mixinStandardHelpOptions = true,
        description = "Append to, dump and verify Shepherd write-ahead logs.",
        subcommands = {WalAppendCommand.class, WalDumpCommand.class, WalVerifyCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:done; the log is sound (a torn tail that recovery would cut is reported but is not an error)",
            "1:the log is corrupt, or an I/O error stopped the command",
            "2:bad command line: unknown option, bad sync policy or position, missing directory"
        })
public final class WalCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    private final InputStream stdin;

    /** The command as the {@code shepherd} launcher uses it, reading records from {@link System#in}. */
    public WalCommand() {
        this(System.in);
    }

    /** A command that reads records (for {@code append}) from {@code stdin}, for tests and embedding. */
    public WalCommand(InputStream stdin) {
        this.stdin = stdin;
    }

    InputStream stdin() {
        return stdin;
    }

    @Override
    public Integer call() {
        spec.commandLine().getErr().println("wal: missing a subcommand (append, dump or verify)");
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCodes.USAGE;
    }
}
