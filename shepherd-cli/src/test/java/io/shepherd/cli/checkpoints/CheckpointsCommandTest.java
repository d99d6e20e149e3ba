package io.shepherd.cli.checkpoints;

import static org.assertj.core.api.Assertions.assertThat;

import io.shepherd.cli.CommandRun;
import io.shepherd.common.io.Disk;
import io.shepherd.runtime.checkpoint.AbortedCheckpoint;
import io.shepherd.runtime.checkpoint.CheckpointLayout;
import io.shepherd.runtime.checkpoint.CheckpointType;
import io.shepherd.runtime.checkpoint.CompletedCheckpoint;
import io.shepherd.runtime.checkpoint.CompletedCheckpointStore;
import io.shepherd.runtime.checkpoint.LocalCheckpointStorage;
import io.shepherd.runtime.checkpoint.StateHandle;
import io.shepherd.runtime.checkpoint.TaskCheckpointStats;
import io.shepherd.runtime.checkpoint.TaskId;
import io.shepherd.runtime.checkpoint.TaskSnapshotEntry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointsCommandTest {

    private static final long T0 = 1_767_225_600_000L; // 2026-01-01 00:00:00 UTC
    private static final TaskId SOURCE = new TaskId(0, 0);
    private static final TaskId SINK = new TaskId(1, 0);

    @TempDir
    Path root;

    /** Checkpoint 1 (completed), 2 (aborted), 3 (a savepoint whose sink held it up). */
    @BeforeEach
    void writeCheckpoints() {
        LocalCheckpointStorage storage = new LocalCheckpointStorage(Disk.local(), root);
        try (CompletedCheckpointStore store = CompletedCheckpointStore.openIn(Disk.local(), root)) {
            store.recordCompleted(write(storage, 1, CheckpointType.CHECKPOINT, 40));
            store.recordAborted(new AbortedCheckpoint(2, CheckpointType.CHECKPOINT, T0 + 1_000, T0 + 1_250,
                    "declined by task sink (1/0): disk full"));
            store.recordCompleted(write(storage, 3, CheckpointType.SAVEPOINT, 900));
        }
    }

    private static CompletedCheckpoint write(LocalCheckpointStorage storage, long id, CheckpointType type,
            long sinkAckAfterMs) {
        long trigger = T0 + id * 1_000;
        StateHandle state = storage.writeState(id, type, SOURCE, new byte[2_048]);
        Map<TaskId, TaskSnapshotEntry> tasks = new TreeMap<>();
        tasks.put(SOURCE, new TaskSnapshotEntry("numbers", state,
                new TaskCheckpointStats(150_000, 2_500_000, 0, 2_048, 0), trigger + 5));
        tasks.put(SINK, new TaskSnapshotEntry("sink", null,
                new TaskCheckpointStats(50_000, 0, 7_000_000, 0, 3_000), trigger + sinkAckAfterMs));
        CompletedCheckpoint checkpoint = new CompletedCheckpoint(id, type, trigger, trigger + sinkAckAfterMs, tasks,
                SINK, CheckpointLayout.directory(id, type));
        storage.writeMetadata(checkpoint);
        return checkpoint;
    }

    @Test
    void when_listing_then_each_checkpoint_prints_one_line_with_its_status_and_figures() {
        CommandRun run = CommandRun.of("checkpoints", "list", root.toString());

        assertThat(run.exitCode()).as(run.toString()).isZero();
        String[] lines = run.out().strip().split("\\R");
        assertThat(lines).hasSize(4);
        assertThat(lines[0]).startsWith("ID").contains("STATUS").contains("LAST TASK");
        assertThat(lines[1]).matches("1\\s+checkpoint\\s+COMPLETED\\s+2026-01-01 00:00:01.000\\s+40 ms\\s+2.0 KiB"
                + "\\s+2.9 KiB\\s+1/0");
        assertThat(lines[2]).matches("2\\s+checkpoint\\s+ABORTED\\s+2026-01-01 00:00:01.000\\s+250 ms\\s+-\\s+-\\s+"
                + "declined by task sink \\(1/0\\): disk full");
        assertThat(lines[3]).matches("3\\s+savepoint\\s+COMPLETED\\s+2026-01-01 00:00:03.000\\s+900 ms.*");
    }

    @Test
    void when_showing_a_checkpoint_then_every_task_prints_with_its_snapshot_times_and_the_last_to_acknowledge() {
        CommandRun run = CommandRun.of("checkpoints", "show", root.toString(), "3");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out())
                .contains("savepoint 3 at savepoints/sp-3")
                .contains("all acknowledged after 900 ms")
                .contains("max alignment 7.000 ms")
                .contains("last to acknowledge: sink (1/0)");
        assertThat(run.out()).containsPattern("0/0\\s+numbers\\s+0.150 ms\\s+2.500 ms\\s+0.000 ms\\s+2.0 KiB\\s+0 B\\s+\\+5 ms");
        assertThat(run.out()).containsPattern("1/0\\s+sink\\s+0.050 ms\\s+0.000 ms\\s+7.000 ms\\s+0 B\\s+2.9 KiB\\s+\\+900 ms");
    }

    @Test
    void when_the_directory_is_missing_or_not_a_checkpoint_directory_then_it_is_a_usage_error_saying_so()
            throws IOException {
        CommandRun missing = CommandRun.of("checkpoints", "list", root.resolve("nope").toString());
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("nope is not a directory");

        Path empty = Files.createDirectory(root.resolve("empty"));
        CommandRun notCheckpoints = CommandRun.of("checkpoints", "list", empty.toString());
        assertThat(notCheckpoints.exitCode()).isEqualTo(2);
        assertThat(notCheckpoints.err()).contains("is not a checkpoint directory").contains("_log");

        CommandRun noSuchId = CommandRun.of("checkpoints", "show", root.toString(), "42");
        assertThat(noSuchId.exitCode()).isEqualTo(2);
        assertThat(noSuchId.err()).contains("no checkpoint or savepoint 42").contains("chk-1").contains("savepoints/sp-3");
    }

    @Test
    void when_the_metadata_is_damaged_then_show_fails_naming_the_file() throws IOException {
        Path metadata = root.resolve("chk-1/_metadata");
        byte[] bytes = Files.readAllBytes(metadata);
        bytes[bytes.length - 3] ^= 0x10;
        Files.write(metadata, bytes);

        CommandRun run = CommandRun.of("checkpoints", "show", root.toString(), "1");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).startsWith("CORRUPT " + metadata).contains("checksum mismatch");
    }

    @Test
    void when_the_checkpoint_log_is_damaged_then_list_fails_with_the_log_error() throws IOException {
        try (var segments = Files.list(root.resolve("_log/edits"))) {
            Path segment = segments.filter(p -> p.toString().endsWith(".wal")).findFirst().orElseThrow();
            byte[] bytes = Files.readAllBytes(segment);
            bytes[70] ^= 0x01; // inside the first record, with valid records after it
            Files.write(segment, bytes);
        }

        CommandRun run = CommandRun.of("checkpoints", "list", root.toString());

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
        assertThat(run.err()).contains("cannot read the checkpoint log").contains("_log");
    }
}
