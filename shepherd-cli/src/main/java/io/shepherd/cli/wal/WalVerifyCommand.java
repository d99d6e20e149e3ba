package io.shepherd.cli.wal;

import io.shepherd.cli.ExitCodes;
import io.shepherd.wal.CorruptLogException;
import io.shepherd.wal.RecoveryReport;
import io.shepherd.wal.Wal;
import io.shepherd.wal.WalException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code shepherd wal verify <dir>}: reads every segment and checks every record, changing nothing. A
 * torn tail (the last record cut short by a crash) is normal and reported; corruption fails with the
 * file and byte offset.
 */
@Command(
        name = "verify",
        mixinStandardHelpOptions = true,
        description = {
            "Check every segment header and record checksum of a log, without changing it.",
            "Exit 0 if sound (a torn final record, which recovery would cut, is reported); "
                    + "exit 1 with the file and byte offset if corrupt."
        })
final class WalVerifyCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR", description = "The log directory.")
    Path directory;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Integer badDirectory = WalCliOptions.checkDirectory(directory, err);
        if (badDirectory != null) {
            return badDirectory;
        }
        try (Wal wal = Wal.openReadOnly(WalCliOptions.forReading(directory))) {
            RecoveryReport report = wal.recoveryReport();
            out.println("OK " + directory + ": " + report.segments() + " segment(s), positions "
                    + report.startPosition() + " to " + report.endPosition());
            report.tornTail().ifPresent(torn -> out.println("TORN TAIL " + torn.bytes() + " bytes at position "
                    + torn.position() + " (" + torn.file() + " offset " + torn.fileOffset() + ": " + torn.reason()
                    + "); a crash cut this write short, and opening the log for writing will cut it off"));
            if (!report.removedTempFiles().isEmpty()) {
                out.println("LEFTOVER " + report.removedTempFiles() + ": half-created segments, removed on next open");
            }
            out.flush();
            return ExitCodes.OK;
        } catch (CorruptLogException e) {
            return WalCliOptions.corrupt(e, out);
        } catch (WalException e) {
            err.println("wal verify: " + e.getMessage());
            return ExitCodes.FAILED;
        }
    }
}
