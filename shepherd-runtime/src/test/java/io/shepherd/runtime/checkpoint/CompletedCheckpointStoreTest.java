package io.shepherd.runtime.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shepherd.runtime.checkpoint.CompletedCheckpointStore.RestorePoint;
import io.shepherd.testkit.SeededRuns;
import io.shepherd.testkit.disk.SimulatedDisk;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class CompletedCheckpointStoreTest {

    private static final Path ROOT = Path.of("/disk/checkpoints");

    private static CompletedCheckpoint write(LocalCheckpointStorage storage, long id, CheckpointType type) {
        return LocalCheckpointStorageTest.writeCheckpoint(storage, id, type, new byte[]{(byte) id, 1, 2, 3});
    }

    private static List<Long> ids(List<CheckpointSummary> summaries) {
        return summaries.stream().map(CheckpointSummary::id).toList();
    }

    @Test
    void when_the_power_fails_anywhere_then_recovery_gives_exactly_the_checkpoints_whose_completion_was_durable() {
        SeededRuns.of("completed checkpoint store power cut", 30, 2_000).forEach(this::crashRepeatedly);
    }

    /**
     * Rounds of completions, aborts and discards with the power cut at a random disk operation. The ledger
     * recovered must be the one after some prefix of the submitted edits that holds every acknowledged one,
     * and every checkpoint it holds must be restorable.
     */
    private void crashRepeatedly(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        SimulatedDisk disk = new SimulatedDisk(seed);
        LocalCheckpointStorage storage = new LocalCheckpointStorage(disk, ROOT);
        List<TreeSet<Long>> afterEdit = new ArrayList<>(List.of(new TreeSet<>()));
        int acknowledged = 0;
        for (int round = 0; round < 4; round++) {
            String context = "seed " + seed + " round " + round;
            CompletedCheckpointStore store = CompletedCheckpointStore.openIn(disk, ROOT);
            TreeSet<Long> recovered = new TreeSet<>(ids(store.recover()));
            int prefix = afterEdit.subList(acknowledged, afterEdit.size()).indexOf(recovered);
            assertThat(prefix).as(context + ": recovered " + recovered + ", acknowledged state "
                    + afterEdit.get(acknowledged) + ", submitted states " + afterEdit).isNotNegative();
            afterEdit = new ArrayList<>(afterEdit.subList(0, acknowledged + prefix + 1));
            acknowledged = afterEdit.size() - 1;
            for (CheckpointSummary summary : store.recover()) {
                assertThat(storage.readMetadata(summary.location()).id()).as(context).isEqualTo(summary.id());
            }
            if (!recovered.isEmpty()) {
                assertThat(store.latestRestorable(storage)).map(r -> r.checkpoint().id()).contains(recovered.last());
            }

            if (random.nextInt(4) != 0) {
                disk.haltAfter(random.nextInt(120));
            }
            try {
                for (int op = random.nextInt(12); op > 0; op--) {
                    TreeSet<Long> state = new TreeSet<>(afterEdit.get(afterEdit.size() - 1));
                    int dice = random.nextInt(10);
                    if (dice < 6 || state.isEmpty()) {
                        long id = Math.max(store.highestCheckpointId(), state.isEmpty() ? 0 : state.last()) + 1;
                        CompletedCheckpoint checkpoint = write(storage, id, CheckpointType.CHECKPOINT);
                        state.add(id);
                        afterEdit.add(state); // before the edit returns: it may be durable even if it then fails
                        store.recordCompleted(checkpoint);
                    } else if (dice < 8) {
                        long id = state.first();
                        state.remove(id);
                        afterEdit.add(state);
                        store.recordDiscarded(id);
                        storage.discard(id);
                    } else {
                        long id = state.last();
                        state.remove(id);
                        afterEdit.add(state);
                        store.recordAborted(new AbortedCheckpoint(id, CheckpointType.CHECKPOINT, 1, 2, "test"));
                        storage.discard(id);
                    }
                    acknowledged = afterEdit.size() - 1;
                }
            } catch (RuntimeException e) {
                assertThat(disk.isHalted()).as(context + ": only the power cut may fail an operation: " + e).isTrue();
            }
            disk.crash();
            try {
                store.close();
            } catch (RuntimeException deadHandles) {
                // the crash invalidated the store's files
            }
        }
    }

    @Test
    void when_the_newest_metadata_is_damaged_then_restore_falls_back_to_the_previous_checkpoint_and_says_why()
            throws IOException {
        SimulatedDisk disk = new SimulatedDisk(11);
        LocalCheckpointStorage storage = new LocalCheckpointStorage(disk, ROOT);
        try (CompletedCheckpointStore store = CompletedCheckpointStore.openIn(disk, ROOT)) {
            store.recordCompleted(write(storage, 1, CheckpointType.CHECKPOINT));
            store.recordCompleted(write(storage, 2, CheckpointType.CHECKPOINT));
            disk.flipBit(ROOT.resolve("chk-2/_metadata"), 30, 1);

            RestorePoint restore = store.latestRestorable(storage).orElseThrow();

            assertThat(restore.checkpoint().id()).isEqualTo(1);
            assertThat(restore.fellBack()).isTrue();
            assertThat(restore.skipped()).singleElement().asString()
                    .contains("chk-2/_metadata").contains("checksum mismatch");
        }
    }

    @Test
    void when_no_recorded_checkpoint_can_be_read_then_restore_refuses_to_start_empty() {
        SimulatedDisk disk = new SimulatedDisk(12);
        LocalCheckpointStorage storage = new LocalCheckpointStorage(disk, ROOT);
        try (CompletedCheckpointStore store = CompletedCheckpointStore.openIn(disk, ROOT)) {
            assertThat(store.latestRestorable(storage)).as("nothing recorded: start empty").isEmpty();
            store.recordCompleted(write(storage, 1, CheckpointType.CHECKPOINT));
            storage.discard(1);

            assertThatThrownBy(() -> store.latestRestorable(storage))
                    .isInstanceOf(CheckpointStorageException.class)
                    .hasMessageContaining("none of the 1 recorded checkpoints can be read")
                    .hasMessageContaining("chk-1");
        }
    }

    @Test
    void when_an_abort_follows_a_recorded_completion_then_the_checkpoint_no_longer_counts() {
        SimulatedDisk disk = new SimulatedDisk(13);
        LocalCheckpointStorage storage = new LocalCheckpointStorage(disk, ROOT);
        try (CompletedCheckpointStore store = CompletedCheckpointStore.openIn(disk, ROOT)) {
            store.recordCompleted(write(storage, 1, CheckpointType.CHECKPOINT));
            store.recordCompleted(write(storage, 2, CheckpointType.SAVEPOINT));
            store.recordCompleted(write(storage, 3, CheckpointType.CHECKPOINT));
            store.recordAborted(new AbortedCheckpoint(3, CheckpointType.CHECKPOINT, 100, 200, "timed out"));

            assertThat(ids(store.recover())).containsExactly(2L, 1L);
            assertThat(store.retainedCheckpointIds()).containsExactly(1L);
            assertThat(store.recentAborts()).extracting(AbortedCheckpoint::reason).containsExactly("timed out");
            assertThat(store.highestCheckpointId()).isEqualTo(3);
        }
    }

    @Test
    void when_a_run_crashed_then_leftovers_are_discarded_and_recorded_checkpoints_and_savepoints_stay() {
        SimulatedDisk disk = new SimulatedDisk(14);
        LocalCheckpointStorage storage = new LocalCheckpointStorage(disk, ROOT);
        try (CompletedCheckpointStore store = CompletedCheckpointStore.openIn(disk, ROOT)) {
            store.recordCompleted(write(storage, 4, CheckpointType.CHECKPOINT));
            write(storage, 5, CheckpointType.CHECKPOINT); // metadata, but its completion never recorded
            storage.writeState(6, CheckpointType.CHECKPOINT, new TaskId(0, 0), new byte[3]);
            storage.writeState(7, CheckpointType.SAVEPOINT, new TaskId(0, 0), new byte[3]);
            write(storage, 8, CheckpointType.SAVEPOINT); // a savepoint someone put there stays

            assertThat(store.discardUnrecorded(storage)).containsExactly(5L, 6L, 7L);
            assertThat(storage.list()).filteredOn(StoredCheckpoint::hasMetadata).extracting(StoredCheckpoint::id)
                    .containsExactly(4L, 8L);
        }
    }

    @Test
    void when_more_edits_than_an_image_covers_are_made_then_reopening_gives_the_same_ledger() throws IOException {
        SimulatedDisk disk = new SimulatedDisk(15);
        LocalCheckpointStorage storage = new LocalCheckpointStorage(disk, ROOT);
        CompletedCheckpoint checkpoint = write(storage, 1, CheckpointType.CHECKPOINT);
        List<CheckpointSummary> before;
        List<AbortedCheckpoint> abortsBefore;
        try (CompletedCheckpointStore store = CompletedCheckpointStore.openIn(disk, ROOT)) {
            for (long id = 1; id <= 1_100; id++) {
                CompletedCheckpoint next = new CompletedCheckpoint(id, CheckpointType.CHECKPOINT, id, id + 1,
                        checkpoint.tasks(), checkpoint.lastAcknowledged(), "chk-" + id);
                if (id % 7 == 0) {
                    store.recordAborted(new AbortedCheckpoint(id, CheckpointType.CHECKPOINT, id, id + 5, "declined " + id));
                } else {
                    store.recordCompleted(next);
                }
                if (id > 3 && id % 7 != 1) {
                    store.recordDiscarded(id - 3);
                }
            }
            before = store.recover();
            abortsBefore = store.recentAborts();
        }
        assertThat(disk.list(ROOT.resolve("_log/images"))).isNotEmpty();

        try (CompletedCheckpointStore store = CompletedCheckpointStore.openIn(disk, ROOT)) {
            assertThat(store.recover()).isEqualTo(before);
            assertThat(store.recentAborts()).isEqualTo(abortsBefore).hasSize(CheckpointLedger.ABORTS_KEPT);
            assertThat(store.highestCheckpointId()).isEqualTo(1_100);
        }
    }
}
