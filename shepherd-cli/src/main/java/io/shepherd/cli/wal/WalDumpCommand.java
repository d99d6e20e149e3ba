package io.shepherd.cli.wal;

import io.shepherd.cli.ExitCodes;
import io.shepherd.wal.CorruptLogException;
import io.shepherd.wal.InvalidPositionException;
import io.shepherd.wal.LogRecord;
import io.shepherd.wal.Wal;
import io.shepherd.wal.WalException;
import io.shepherd.wal.WalReader;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code shepherd wal dump <dir> [--from <pos>]}: prints {@code <position>TAB<payload>} per record. */
@Command(
        name = "dump",
        mixinStandardHelpOptions = true,
        description = {
            "Print every record as <position><TAB><payload>, without changing the log.",
            "Payloads print as UTF-8 text with \\\\, \\t, \\n, \\r and other control characters escaped "
                    + "(\\xNN); a payload that is not UTF-8 prints every byte outside printable ASCII as \\xNN."
        })
final class WalDumpCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR", description = "The log directory.")
    Path directory;

    @Option(names = "--from", paramLabel = "POSITION",
            description = "Start at this record position (default: the first retained record).")
    Long from;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Integer badDirectory = WalCliOptions.checkDirectory(directory, err);
        if (badDirectory != null) {
            return badDirectory;
        }
        try (Wal wal = Wal.openReadOnly(WalCliOptions.forReading(directory))) {
            wal.recoveryReport().tornTail().ifPresent(torn -> err.println("wal dump: not shown, a " + torn
                    + "; opening the log for writing will cut it"));
            long start = from != null ? from : wal.startPosition();
            try (WalReader reader = wal.openReader(start)) {
                for (LogRecord record = reader.next(); record != null; record = reader.next()) {
                    out.print(record.position());
                    out.print('\t');
                    out.print(PayloadText.escape(record.payload()));
                    out.print('\n');
                }
            }
            out.flush();
            return ExitCodes.OK;
        } catch (InvalidPositionException e) {
            out.flush();
            err.println("wal dump: --from " + e.position() + ": " + e.getMessage());
            return ExitCodes.USAGE;
        } catch (CorruptLogException e) {
            out.flush();
            return WalCliOptions.corrupt(e, err);
        } catch (WalException e) {
            out.flush();
            err.println("wal dump: " + e.getMessage());
            return ExitCodes.FAILED;
        }
    }
}
