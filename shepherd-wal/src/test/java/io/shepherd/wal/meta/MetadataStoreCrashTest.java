package io.shepherd.wal.meta;

import static org.assertj.core.api.Assertions.assertThat;

import io.shepherd.testkit.SeededRuns;
import io.shepherd.testkit.disk.SimulatedDisk;
import io.shepherd.wal.meta.KvMachine.Edit;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Random edit sequences with images taken at random points (automatically and on demand) and the power
 * cut at a random disk operation — inside an edit's force, an image's temp file, its rename, the
 * retention deletes, the log truncation. Every recovery must give exactly the state after some prefix of
 * the submitted edits that includes every acknowledged one: the state of the last durable edit.
 */
class MetadataStoreCrashTest {

    private static final Path DIR = Path.of("/disk/meta");

    @Test
    void when_the_power_fails_anywhere_then_recovery_gives_exactly_the_state_of_the_last_durable_edit() {
        SeededRuns.of("metadata store crash", 100, 3_000).forEach(this::crashRepeatedly);
    }

    private void crashRepeatedly(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        SimulatedDisk disk = new SimulatedDisk(seed);
        MetadataStoreOptions options = MetadataStoreOptions.builder(DIR)
                .disk(disk)
                .segmentBytes(4096)
                .imageEveryEdits(2 + random.nextInt(15))
                .imagesRetained(1 + random.nextInt(3))
                .build();
        List<Edit> submitted = new ArrayList<>();
        long acknowledged = 0;
        for (int round = 0; round < 5; round++) {
            String context = "seed " + seed + " round " + round;
            MetadataStore<Edit, KvMachine> store = MetadataStore.open(options, new KvMachine(), KvMachine.CODEC);
            long recovered = store.lastTxid();
            assertThat(recovered).as(context + ": recovered txid").isBetween(acknowledged, (long) submitted.size());
            submitted = new ArrayList<>(submitted.subList(0, (int) recovered));
            assertThat(store.read(KvMachine::snapshot)).as(context + ": state after txid " + recovered)
                    .isEqualTo(stateAfter(submitted));
            acknowledged = recovered;

            KvMachine model = new KvMachine();
            submitted.forEach(model::apply);
            if (random.nextInt(5) != 0) {
                disk.haltAfter(random.nextInt(150));
            }
            int operations = random.nextInt(80);
            try {
                for (int op = 0; op < operations; op++) {
                    if (random.nextInt(12) == 0) {
                        store.takeImage();
                        continue;
                    }
                    Edit edit = randomEdit(random, model.snapshot());
                    model.apply(edit);
                    submitted.add(edit); // before apply returns: it may be durable even if apply then fails
                    store.apply(edit);
                    acknowledged = submitted.size();
                }
            } catch (RuntimeException e) {
                assertThat(disk.isHalted()).as(context + ": only the power cut may fail an operation: " + e).isTrue();
            }
            disk.crash();
            try {
                store.close();
            } catch (RuntimeException deadHandles) {
                // the crash invalidated the store's files; nothing it does now reaches the disk
            }
            if (random.nextInt(4) == 0) {
                damageNewestImage(disk, random);
            }
        }
    }

    /**
     * Flips a bit in the newest image when an older one exists: recovery must fall back to the older image
     * and replay the edits after it, which the log keeps for exactly this reason.
     */
    private static void damageNewestImage(SimulatedDisk disk, SplittableRandom random) {
        try {
            Path images = DIR.resolve("images");
            if (!disk.exists(images)) {
                return;
            }
            List<Path> valid = disk.list(images).stream().filter(p -> p.toString().endsWith(".img")).toList();
            if (valid.size() >= 2) {
                Path newest = valid.get(valid.size() - 1);
                disk.flipRandomBit(newest, 0, disk.content(newest).length);
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Map<String, Long> stateAfter(List<Edit> edits) {
        KvMachine machine = new KvMachine();
        edits.forEach(machine::apply);
        return machine.snapshot();
    }

    /** A random edit that the state accepts (an add only to a key that exists). */
    private static Edit randomEdit(SplittableRandom random, Map<String, Long> state) {
        String key = "k" + random.nextInt(20);
        int dice = random.nextInt(10);
        if (dice < 5 || !state.containsKey(key)) {
            return Edit.put(key, random.nextInt(1000));
        }
        return dice < 8 ? Edit.add(key, random.nextInt(50)) : Edit.del(key);
    }
}
