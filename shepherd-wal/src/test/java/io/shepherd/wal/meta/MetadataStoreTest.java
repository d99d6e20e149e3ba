package io.shepherd.wal.meta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shepherd.testkit.disk.SimulatedDisk;
import io.shepherd.wal.Wal;
import io.shepherd.wal.WalFailedException;
import io.shepherd.wal.WalOptions;
import io.shepherd.wal.meta.KvMachine.Edit;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MetadataStoreTest {

    private static final Path DIR = Path.of("/disk/meta");
    private static final Path IMAGES = DIR.resolve("images");
    private static final Path EDITS = DIR.resolve("edits");

    private final SimulatedDisk disk = new SimulatedDisk(4);

    private MetadataStoreOptions.Builder options() {
        return MetadataStoreOptions.builder(DIR).disk(disk).segmentBytes(4096);
    }

    private MetadataStore<Edit, KvMachine> open(MetadataStoreOptions options) {
        return MetadataStore.open(options, new KvMachine(), KvMachine.CODEC);
    }

    private List<Path> images() throws IOException {
        return disk.list(IMAGES).stream().filter(p -> p.toString().endsWith(".img")).toList();
    }

    @Test
    void when_edits_are_applied_then_they_get_consecutive_txids_and_a_reopen_replays_them() {
        try (var store = open(options().build())) {
            assertThat(store.apply(Edit.put("a", 1))).isEqualTo(1);
            assertThat(store.apply(Edit.put("b", 2))).isEqualTo(2);
            assertThat(store.apply(Edit.add("a", 10))).isEqualTo(3);
            assertThat(store.read(KvMachine::snapshot)).isEqualTo(Map.of("a", 11L, "b", 2L));
        }
        try (var store = open(options().build())) {
            assertThat(store.read(KvMachine::snapshot)).isEqualTo(Map.of("a", 11L, "b", 2L));
            assertThat(store.lastTxid()).isEqualTo(3);
            assertThat(store.recovery().editsReplayed()).isEqualTo(3);
            assertThat(store.recovery().image()).isEmpty();
        }
    }

    @Test
    void when_the_state_machine_rejects_an_edit_then_nothing_is_logged_and_the_store_goes_on() {
        try (var store = open(options().build())) {
            store.apply(Edit.put("a", 1));
            assertThatThrownBy(() -> store.apply(Edit.add("missing", 1))).isInstanceOf(IllegalArgumentException.class);
            assertThat(store.apply(Edit.put("b", 1))).isEqualTo(2);
        }
        try (var store = open(options().build())) {
            assertThat(store.lastTxid()).isEqualTo(2);
        }
    }

    @Test
    void when_enough_edits_pass_then_an_image_is_written_and_the_log_before_the_oldest_kept_image_is_dropped()
            throws IOException {
        try (var store = open(options().imageEveryEdits(50).imagesRetained(2).build())) {
            for (int i = 0; i < 400; i++) {
                store.apply(Edit.put("key" + (i % 37), i));
            }
            assertThat(store.lastImageFailure()).isNull();
            assertThat(images()).hasSize(2);
            try (Wal edits = Wal.openReadOnly(WalOptions.builder(EDITS).disk(disk).segmentBytes(4096).build())) {
                assertThat(edits.startPosition()).as("old edits dropped").isGreaterThan(0);
            }
        }
        try (var store = open(options().imageEveryEdits(50).build())) {
            assertThat(store.recovery().imageTxid()).isEqualTo(400);
            assertThat(store.recovery().editsReplayed()).isZero();
            Long value = store.read(m -> m.snapshot().get("key28"));
            assertThat(value).isEqualTo(398L);
        }
    }

    @Test
    void when_an_image_is_taken_on_demand_then_recovery_starts_from_it_and_replays_only_later_edits() {
        try (var store = open(options().build())) {
            store.apply(Edit.put("a", 1));
            store.apply(Edit.put("b", 2));
            assertThat(store.takeImage()).isEqualTo(2);
            store.apply(Edit.del("a"));
        }
        try (var store = open(options().build())) {
            assertThat(store.recovery().imageTxid()).isEqualTo(2);
            assertThat(store.recovery().editsReplayed()).isEqualTo(1);
            assertThat(store.read(KvMachine::snapshot)).isEqualTo(Map.of("b", 2L));
        }
    }

    @Test
    void when_the_newest_image_is_damaged_then_recovery_falls_back_to_the_older_one_and_replays_more() throws IOException {
        try (var store = open(options().build())) {
            store.apply(Edit.put("a", 1));
            store.takeImage();
            store.apply(Edit.put("b", 2));
            store.takeImage();
            store.apply(Edit.put("c", 3));
        }
        Path newest = images().get(1);
        disk.flipBit(newest, 45, 2);
        try (var store = open(options().build())) {
            assertThat(store.recovery().imageTxid()).isEqualTo(1);
            assertThat(store.recovery().editsReplayed()).isEqualTo(2);
            assertThat(store.recovery().rejectedImages()).singleElement().asString()
                    .contains(newest.toString()).contains("checksum");
            assertThat(store.read(KvMachine::snapshot)).isEqualTo(Map.of("a", 1L, "b", 2L, "c", 3L));
            assertThat(disk.exists(newest.resolveSibling(newest.getFileName() + ".corrupt"))).isTrue();
        }
    }

    @Test
    void when_every_image_is_damaged_and_the_early_edits_are_gone_then_recovery_reports_the_gap() throws IOException {
        try (var store = open(options().imageEveryEdits(30).build())) {
            for (int i = 0; i < 200; i++) {
                store.apply(Edit.put("k" + i, i));
            }
        }
        for (Path image : images()) {
            disk.flipBit(image, 50, 0);
        }
        assertThatThrownBy(() -> open(options().build()))
                .isInstanceOf(EditGapException.class)
                .hasMessageContaining("where txid 1 was expected")
                .hasMessageContaining("damaged images");
    }

    @Test
    void when_the_log_skips_a_txid_then_recovery_fails_naming_the_missing_edits() {
        try (var store = open(options().build())) {
            store.apply(Edit.put("a", 1));
        }
        try (Wal edits = Wal.open(WalOptions.builder(EDITS).disk(disk).segmentBytes(4096).build())) {
            edits.append(EditRecord.encode(3, KvMachine.CODEC.encode(Edit.put("b", 2)))).join();
        }
        assertThatThrownBy(() -> open(options().build()))
                .isInstanceOf(EditGapException.class)
                .hasMessageContaining("txid 3")
                .hasMessageContaining("txid 2 was expected")
                .hasMessageContaining("edits 2..2 are missing");
    }

    @Test
    void when_the_log_fails_under_an_edit_then_the_store_refuses_further_use() {
        var store = open(options().build());
        store.apply(Edit.put("a", 1));
        disk.failForces(p -> p.startsWith(EDITS), 1);
        assertThatThrownBy(() -> store.apply(Edit.put("b", 2))).isInstanceOf(WalFailedException.class);
        assertThatThrownBy(() -> store.read(KvMachine::snapshot)).isInstanceOf(WalFailedException.class);
        assertThatThrownBy(() -> store.apply(Edit.put("c", 3))).isInstanceOf(WalFailedException.class);
        store.close();
        disk.crash();
        try (var reopened = open(options().build())) {
            assertThat(reopened.read(KvMachine::snapshot)).isEqualTo(Map.of("a", 1L));
        }
    }

    @Test
    void when_a_crash_interrupted_an_image_write_then_the_half_written_file_is_removed_and_the_old_state_stands()
            throws IOException {
        try (var store = open(options().build())) {
            store.apply(Edit.put("a", 1));
        }
        disk.create(IMAGES.resolve("image-00000000000000000001.img.tmp")).close();
        try (var store = open(options().build())) {
            assertThat(disk.exists(IMAGES.resolve("image-00000000000000000001.img.tmp"))).isFalse();
            assertThat(store.read(KvMachine::snapshot)).isEqualTo(Map.of("a", 1L));
        }
    }
}
