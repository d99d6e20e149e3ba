package io.shepherd.cli.checkpoints;

import io.shepherd.cli.ExitCodes;
import io.shepherd.cli.UserError;
import io.shepherd.common.io.Disk;
import io.shepherd.runtime.checkpoint.CheckpointStorageException;
import io.shepherd.runtime.checkpoint.CompletedCheckpoint;
import io.shepherd.runtime.checkpoint.CorruptCheckpointException;
import io.shepherd.runtime.checkpoint.LocalCheckpointStorage;
import io.shepherd.runtime.checkpoint.StoredCheckpoint;
import io.shepherd.runtime.checkpoint.TaskId;
import io.shepherd.runtime.checkpoint.TaskSnapshotEntry;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code shepherd checkpoints show <dir> <id>}: one checkpoint task by task, read from its metadata file
 * (so it works while the job runs).
 */
@Command(
        name = "show",
        mixinStandardHelpOptions = true,
        description = {
            "Show one checkpoint or savepoint task by task: synchronous and asynchronous snapshot time, alignment,",
            "state and channel-state bytes, when each task acknowledged; and which task acknowledged last."
        })
final class CheckpointsShowCommand implements Callable<Integer> {

    private static final String FORMAT = "%-8s %-24s %12s %12s %12s %10s %10s %10s%n";

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR", description = "The job's checkpoint directory.")
    Path directory;

    @Parameters(index = "1", paramLabel = "ID", description = "The checkpoint or savepoint id.")
    long id;

    @Override
    public Integer call() {
        Path root = CheckpointDirectory.existing(directory);
        LocalCheckpointStorage storage = new LocalCheckpointStorage(Disk.local(), root);
        PrintWriter out = spec.commandLine().getOut();
        CompletedCheckpoint checkpoint;
        try {
            checkpoint = storage.readMetadata(locate(storage, root).location());
        } catch (CorruptCheckpointException e) {
            out.println("CORRUPT " + e.getMessage());
            out.flush();
            return ExitCodes.FAILED;
        } catch (CheckpointStorageException e) {
            spec.commandLine().getErr().println("checkpoints show: " + e.getMessage());
            return ExitCodes.FAILED;
        }
        print(checkpoint, out);
        out.flush();
        return ExitCodes.OK;
    }

    private StoredCheckpoint locate(LocalCheckpointStorage storage, Path root) {
        List<StoredCheckpoint> stored = storage.list();
        return stored.stream()
                .filter(s -> s.id() == id)
                .findFirst()
                .orElseThrow(() -> new UserError("no checkpoint or savepoint " + id + " in " + root + "; there are "
                        + (stored.isEmpty() ? "none" : stored.stream().map(StoredCheckpoint::location).toList())));
    }

    private static void print(CompletedCheckpoint c, PrintWriter out) {
        out.printf("%s %d at %s%n", c.type().name().toLowerCase(Locale.ROOT), c.id(), c.location());
        out.printf("triggered %s UTC, all acknowledged after %s; state %s, channel state %s; max alignment %s%n",
                Figures.time(c.triggerTimeMs()), Figures.millis(c.durationMs()), Figures.bytes(c.stateBytes()),
                Figures.bytes(c.channelStateBytes()), Figures.nanosAsMillis(c.maxAlignmentNanos()));
        TaskSnapshotEntry last = c.lastAcknowledged() == null ? null : c.tasks().get(c.lastAcknowledged());
        out.printf("last to acknowledge: %s%n", last == null ? "-" : last.taskName() + " (" + c.lastAcknowledged() + ")");
        out.println();
        out.printf(FORMAT, "TASK", "NAME", "SYNC", "ASYNC", "ALIGNMENT", "STATE", "CHANNEL", "ACKED");
        for (Map.Entry<TaskId, TaskSnapshotEntry> task : c.tasks().entrySet()) {
            TaskSnapshotEntry entry = task.getValue();
            out.printf(FORMAT, task.getKey(), entry.taskName(), Figures.nanosAsMillis(entry.stats().syncNanos()),
                    Figures.nanosAsMillis(entry.stats().asyncNanos()),
                    Figures.nanosAsMillis(entry.stats().alignmentNanos()), Figures.bytes(entry.stats().stateBytes()),
                    Figures.bytes(entry.stats().channelStateBytes()),
                    "+" + Figures.millis(entry.ackTimeMs() - c.triggerTimeMs()));
        }
    }
}
