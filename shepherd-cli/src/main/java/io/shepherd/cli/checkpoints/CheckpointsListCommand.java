package io.shepherd.cli.checkpoints;

import io.shepherd.cli.ExitCodes;
import io.shepherd.common.io.Disk;
import io.shepherd.runtime.checkpoint.AbortedCheckpoint;
import io.shepherd.runtime.checkpoint.CheckpointSummary;
import io.shepherd.runtime.checkpoint.CompletedCheckpointStore;
import io.shepherd.wal.WalException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code shepherd checkpoints list <dir>}: one line per checkpoint the log records, the retained completed
 * ones and the recent aborts, oldest first. Opening the log takes its lock, so the job must not be running.
 */
@Command(
        name = "list",
        mixinStandardHelpOptions = true,
        description = {
            "List the completed checkpoints and savepoints a checkpoint directory retains, and its recent aborts:",
            "id, type, status, trigger time (UTC), duration, state and channel-state size, and the last task to "
                    + "acknowledge (or why it was aborted). The job must not be running."
        })
final class CheckpointsListCommand implements Callable<Integer> {

    private static final String FORMAT = "%-6s %-10s %-9s %-23s %9s %10s %10s  %s%n";

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR", description = "The job's checkpoint directory.")
    Path directory;

    /** One line of the listing. */
    private record Row(long id, String type, String status, long triggerMs, long durationMs, String state,
            String channelState, String last) {}

    @Override
    public Integer call() {
        Path root = CheckpointDirectory.withLog(directory);
        PrintWriter out = spec.commandLine().getOut();
        List<Row> rows = new ArrayList<>();
        try (CompletedCheckpointStore store = CompletedCheckpointStore.openIn(Disk.local(), root)) {
            store.recover().forEach(completed -> rows.add(completedRow(completed)));
            store.recentAborts().forEach(aborted -> rows.add(abortedRow(aborted)));
        } catch (WalException e) {
            spec.commandLine().getErr().println("checkpoints list: cannot read the checkpoint log: " + e.getMessage());
            return ExitCodes.FAILED;
        }
        rows.sort(Comparator.comparingLong(Row::id));
        out.printf(FORMAT, "ID", "TYPE", "STATUS", "TRIGGERED (UTC)", "DURATION", "STATE", "CHANNEL", "LAST TASK / REASON");
        for (Row row : rows) {
            out.printf(FORMAT, row.id(), row.type(), row.status(), Figures.time(row.triggerMs()),
                    row.durationMs() < 0 ? "-" : Figures.millis(row.durationMs()), row.state(), row.channelState(),
                    row.last());
        }
        if (rows.isEmpty()) {
            out.println("(no checkpoints recorded)");
        }
        out.flush();
        return ExitCodes.OK;
    }

    private static Row completedRow(CheckpointSummary c) {
        return new Row(c.id(), typeName(c.type()), "COMPLETED", c.triggerTimeMs(), c.durationMs(),
                Figures.bytes(c.stateBytes()), Figures.bytes(c.channelStateBytes()),
                c.lastAcknowledged() == null ? "-" : c.lastAcknowledged().toString());
    }

    private static Row abortedRow(AbortedCheckpoint a) {
        long duration = a.triggerTimeMs() < 0 ? -1 : a.abortTimeMs() - a.triggerTimeMs();
        return new Row(a.id(), typeName(a.type()), "ABORTED", a.triggerTimeMs(), duration, "-", "-", a.reason());
    }

    private static String typeName(Enum<?> type) {
        return type.name().toLowerCase(Locale.ROOT);
    }
}
