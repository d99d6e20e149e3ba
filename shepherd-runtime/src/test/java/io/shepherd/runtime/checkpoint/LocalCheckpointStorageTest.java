package io.shepherd.runtime.checkpoint;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shepherd.common.io.Disk;
import io.shepherd.common.io.OutOfSpaceException;
import io.shepherd.testkit.SeededRuns;
import io.shepherd.testkit.disk.SimulatedDisk;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalCheckpointStorageTest {

    private static final Path ROOT = Path.of("/disk/checkpoints");
    private static final TaskId SOURCE = new TaskId(0, 0);
    private static final TaskId SINK = new TaskId(1, 0);

    @TempDir
    Path temp;

    /** A checkpoint of two tasks whose state is written to {@code storage}; the sink has no state. */
    static CompletedCheckpoint writeCheckpoint(CheckpointStorage storage, long id, CheckpointType type, byte[] state) {
        StateHandle handle = storage.writeState(id, type, SOURCE, state);
        Map<TaskId, TaskSnapshotEntry> tasks = new TreeMap<>();
        tasks.put(SOURCE, new TaskSnapshotEntry("numbers", handle, new TaskCheckpointStats(1, 2, 3, state.length, 0), 10));
        tasks.put(SINK, new TaskSnapshotEntry("sink", null, new TaskCheckpointStats(4, 5, 6, 0, 9), 11));
        CompletedCheckpoint checkpoint = new CompletedCheckpoint(id, type, 5, 11, tasks, SINK,
                CheckpointLayout.directory(id, type));
        storage.writeMetadata(checkpoint);
        return checkpoint;
    }

    @Test
    void when_a_checkpoint_is_written_then_its_metadata_and_state_read_back_equal() {
        LocalCheckpointStorage storage = new LocalCheckpointStorage(Disk.local(), temp);
        CompletedCheckpoint written = writeCheckpoint(storage, 7, CheckpointType.CHECKPOINT, "state of 7".getBytes(UTF_8));

        CompletedCheckpoint read = storage.readMetadata("chk-7");

        assertThat(read).isEqualTo(written);
        assertThat(new String(storage.readState(read.tasks().get(SOURCE).state()), UTF_8)).isEqualTo("state of 7");
        assertThat(Files.exists(temp.resolve("chk-7/task-0-0.state"))).isTrue();
        assertThat(storage.list()).containsExactly(new StoredCheckpoint(7, CheckpointType.CHECKPOINT, "chk-7", true));
    }

    @Test
    void when_a_savepoint_directory_is_moved_then_it_reads_from_its_new_place() throws IOException {
        LocalCheckpointStorage storage = new LocalCheckpointStorage(Disk.local(), temp.resolve("job"));
        writeCheckpoint(storage, 3, CheckpointType.SAVEPOINT, "portable".getBytes(UTF_8));
        Path moved = temp.resolve("backups/my-savepoint");
        Files.createDirectories(moved.getParent());
        Files.move(temp.resolve("job/savepoints/sp-3"), moved);

        CompletedCheckpoint read = storage.readMetadata(moved.toString());

        assertThat(read.location()).isEqualTo(moved.toString());
        assertThat(read.type()).isEqualTo(CheckpointType.SAVEPOINT);
        assertThat(new String(storage.readState(read.tasks().get(SOURCE).state()), UTF_8)).isEqualTo("portable");
        assertThat(storage.readMetadata(moved.resolve("_metadata").toString())).isEqualTo(read);
    }

    @Test
    void when_a_checkpoint_is_discarded_then_it_is_gone_and_savepoints_stay() {
        LocalCheckpointStorage storage = new LocalCheckpointStorage(Disk.local(), temp);
        writeCheckpoint(storage, 1, CheckpointType.CHECKPOINT, new byte[10]);
        writeCheckpoint(storage, 2, CheckpointType.SAVEPOINT, new byte[10]);

        storage.discard(1);
        storage.discard(99);

        assertThat(Files.exists(temp.resolve("chk-1"))).isFalse();
        assertThat(storage.list()).extracting(StoredCheckpoint::location).containsExactly("savepoints/sp-2");
        assertThatThrownBy(() -> storage.readMetadata("chk-1"))
                .isInstanceOf(CheckpointStorageException.class)
                .hasMessageContaining("chk-1")
                .hasMessageContaining("no such checkpoint");
    }

    @Test
    void when_a_state_file_is_damaged_or_cut_then_reading_it_fails_naming_the_file() throws IOException {
        SimulatedDisk disk = new SimulatedDisk(1);
        LocalCheckpointStorage storage = new LocalCheckpointStorage(disk, ROOT);
        CompletedCheckpoint checkpoint = writeCheckpoint(storage, 4, CheckpointType.CHECKPOINT, new byte[64]);
        StateHandle handle = checkpoint.tasks().get(SOURCE).state();
        Path file = ROOT.resolve(handle.location());

        disk.flipBit(file, 17, 3);
        assertThatThrownBy(() -> storage.readState(handle))
                .isInstanceOf(CorruptCheckpointException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("checksum mismatch");

        try (var out = disk.openWritable(file)) {
            out.truncate(40);
        }
        assertThatThrownBy(() -> storage.readState(handle))
                .isInstanceOf(CorruptCheckpointException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("is 40 bytes but the checkpoint recorded 64");
    }

    @Test
    void when_any_bit_of_the_metadata_flips_then_reading_it_fails_naming_the_file() {
        SeededRuns.of("checkpoint metadata bit flip", 50, 2_000).forEach(seed -> {
            SimulatedDisk disk = new SimulatedDisk(seed);
            LocalCheckpointStorage storage = new LocalCheckpointStorage(disk, ROOT);
            writeCheckpoint(storage, 5, CheckpointType.CHECKPOINT, new byte[8]);
            Path metadata = ROOT.resolve("chk-5/_metadata");
            try {
                disk.flipRandomBit(metadata, 0, disk.content(metadata).length);
            } catch (IOException e) {
                throw new AssertionError(e);
            }
            assertThatThrownBy(() -> storage.readMetadata("chk-5"))
                    .isInstanceOf(CorruptCheckpointException.class)
                    .hasMessageStartingWith(metadata.toString());
        });
    }

    @Test
    void when_the_metadata_is_cut_short_then_reading_it_says_so() throws IOException {
        SimulatedDisk disk = new SimulatedDisk(2);
        LocalCheckpointStorage storage = new LocalCheckpointStorage(disk, ROOT);
        writeCheckpoint(storage, 6, CheckpointType.CHECKPOINT, new byte[8]);
        try (var out = disk.openWritable(ROOT.resolve("chk-6/_metadata"))) {
            out.truncate(MetadataFormat.HEADER_BYTES + 10);
        }

        assertThatThrownBy(() -> storage.readMetadata("chk-6"))
                .isInstanceOf(CorruptCheckpointException.class)
                .hasMessageContaining("_metadata")
                .hasMessageContaining("a write cut short");
    }

    @Test
    void when_a_file_is_not_checkpoint_metadata_then_reading_it_says_so() throws IOException {
        Files.createDirectories(temp.resolve("chk-1"));
        Files.writeString(temp.resolve("chk-1/_metadata"), "{\"hello\": \"world\"} and some more text");

        assertThatThrownBy(() -> new LocalCheckpointStorage(Disk.local(), temp).readMetadata("chk-1"))
                .isInstanceOf(CorruptCheckpointException.class)
                .hasMessageContaining("not a Shepherd checkpoint metadata file");
    }

    @Test
    void when_the_power_fails_while_a_checkpoint_is_written_then_it_is_either_whole_or_invisible() {
        SeededRuns.of("checkpoint write power cut", 100, 5_000).forEach(seed -> {
            SplittableRandom random = new SplittableRandom(seed);
            SimulatedDisk disk = new SimulatedDisk(seed);
            LocalCheckpointStorage storage = new LocalCheckpointStorage(disk, ROOT);
            byte[] state = new byte[1 + random.nextInt(5_000)];
            random.nextBytes(state);
            disk.haltAfter(random.nextInt(14));
            boolean written;
            try {
                writeCheckpoint(storage, 9, CheckpointType.CHECKPOINT, state);
                written = true;
            } catch (CheckpointStorageException e) {
                assertThat(disk.isHalted()).as("only the power cut fails a write: " + e).isTrue();
                written = false;
            }
            disk.crash();

            boolean visible = storage.list().stream().anyMatch(StoredCheckpoint::hasMetadata);
            if (written) {
                assertThat(visible).as("a checkpoint whose metadata write returned survives").isTrue();
            }
            if (visible) {
                CompletedCheckpoint read = storage.readMetadata("chk-9");
                assertThat(storage.readState(read.tasks().get(SOURCE).state())).isEqualTo(state);
            }
        });
    }

    @Test
    void when_a_force_fails_or_the_disk_is_full_then_the_write_fails_naming_the_file() {
        SimulatedDisk disk = new SimulatedDisk(3);
        LocalCheckpointStorage storage = new LocalCheckpointStorage(disk, ROOT);
        disk.failForces(path -> path.toString().endsWith(".state"), 1);

        assertThatThrownBy(() -> storage.writeState(1, CheckpointType.CHECKPOINT, SOURCE, new byte[10]))
                .isInstanceOf(CheckpointStorageException.class)
                .hasMessageContaining("chk-1/task-0-0.state")
                .hasMessageContaining("task 0/0");
        assertThat(storage.writeState(1, CheckpointType.CHECKPOINT, SOURCE, new byte[10]).length())
                .as("a retry replaces the failed file").isEqualTo(10);

        disk.limitSpace(disk.usedBytes() + 100);
        assertThatThrownBy(() -> storage.writeState(2, CheckpointType.CHECKPOINT, SOURCE, new byte[1_000]))
                .isInstanceOf(CheckpointStorageException.class)
                .hasCauseInstanceOf(OutOfSpaceException.class)
                .hasMessageContaining("chk-2/task-0-0.state");
    }
}
