package io.shepherd.testkit.disk;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shepherd.common.io.DiskFile;
import io.shepherd.common.io.OutOfSpaceException;
import io.shepherd.testkit.SeededRuns;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SimulatedDiskTest {

    private static final Path DIR = Path.of("/data");
    private static final Path FILE = DIR.resolve("f");

    private static SimulatedDisk diskWithDirectory(long seed) throws IOException {
        SimulatedDisk disk = new SimulatedDisk(seed);
        disk.createDirectories(DIR);
        return disk;
    }

    private static ByteBuffer utf8(String s) {
        return ByteBuffer.wrap(s.getBytes(UTF_8));
    }

    private static String text(byte[] bytes) {
        return new String(bytes, UTF_8);
    }

    /** A file whose name is durable and which holds {@code forced} durably and {@code unforced} after it. */
    private static DiskFile fileWith(SimulatedDisk disk, String forced, String... unforced) throws IOException {
        DiskFile file = disk.create(FILE);
        disk.syncDirectory(DIR);
        file.write(utf8(forced), 0);
        file.force(true);
        long at = forced.length();
        for (String s : unforced) {
            file.write(utf8(s), at);
            at += s.length();
        }
        return file;
    }

    @Test
    void when_power_is_lost_then_forced_bytes_survive_and_unforced_ones_survive_as_a_prefix_torn_anywhere()
            throws IOException {
        Set<Integer> survivingLengths = new HashSet<>();
        SeededRuns.of("torn prefix", 300, 3000).forEach(seed -> {
            try {
                SimulatedDisk disk = diskWithDirectory(seed);
                fileWith(disk, "AAAA", "BBBB", "CCCC");
                disk.crash();
                String after = text(disk.content(FILE));
                assertThat("AAAABBBBCCCC").startsWith(after);
                assertThat(after).startsWith("AAAA");
                survivingLengths.add(after.length());
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        });
        assertThat(survivingLengths).as("every cut point between 4 and 12 bytes shows up").hasSize(9);
    }

    @Test
    void when_a_force_returns_then_a_crash_keeps_everything_written_before_it() throws IOException {
        SeededRuns.of("forced survives", 100, 1000).forEach(seed -> {
            try {
                SimulatedDisk disk = diskWithDirectory(seed);
                DiskFile file = fileWith(disk, "AAAA", "BBBB");
                file.force(false);
                disk.crash();
                assertThat(text(disk.content(FILE))).isEqualTo("AAAABBBB");
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        });
    }

    @Test
    void when_a_file_is_created_without_a_directory_sync_then_a_crash_may_lose_it_even_if_forced() throws IOException {
        Set<Boolean> outcomes = new HashSet<>();
        SeededRuns.of("unsynced create", 50, 500).forEach(seed -> {
            try {
                SimulatedDisk disk = diskWithDirectory(seed);
                try (DiskFile file = disk.create(FILE)) {
                    file.write(utf8("data"), 0);
                    file.force(true);
                }
                assertThat(disk.isNameDurable(FILE)).isFalse();
                disk.crash();
                boolean survived = disk.exists(FILE);
                if (survived) {
                    assertThat(text(disk.content(FILE))).isEqualTo("data");
                }
                outcomes.add(survived);
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        });
        assertThat(outcomes).containsExactlyInAnyOrder(true, false);
    }

    @Test
    void when_a_directory_is_synced_then_its_name_changes_survive_a_crash() throws IOException {
        SimulatedDisk disk = diskWithDirectory(7);
        disk.create(FILE).close();
        disk.syncDirectory(DIR);
        assertThat(disk.isNameDurable(FILE)).isTrue();
        assertThat(disk.unsyncedNameChanges(DIR)).isZero();
        disk.delete(FILE);
        assertThat(disk.unsyncedNameChanges(DIR)).isEqualTo(1);
        disk.syncDirectory(DIR);
        disk.crash();
        assertThat(disk.exists(FILE)).isFalse();
    }

    @Test
    void when_a_rename_is_cut_by_a_crash_then_the_target_holds_the_old_or_the_new_file_whole() throws IOException {
        Set<String> outcomes = new HashSet<>();
        SeededRuns.of("atomic rename", 50, 500).forEach(seed -> {
            try {
                SimulatedDisk disk = diskWithDirectory(seed);
                fileWith(disk, "old").close();
                Path tmp = DIR.resolve("f.tmp");
                try (DiskFile file = disk.create(tmp)) {
                    file.write(utf8("new"), 0);
                    file.force(true);
                }
                disk.rename(tmp, FILE);
                disk.crash();
                String after = text(disk.content(FILE));
                assertThat(after).isIn("old", "new");
                outcomes.add(after);
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        });
        assertThat(outcomes).containsExactlyInAnyOrder("old", "new");
    }

    @Test
    void when_a_force_fails_then_the_unforced_writes_are_lost_even_after_a_later_force_succeeds() throws IOException {
        SeededRuns.of("fsyncgate", 30, 300).forEach(seed -> {
            try {
                SimulatedDisk disk = diskWithDirectory(seed);
                DiskFile file = fileWith(disk, "AAAA", "BBBB");
                disk.failForces(p -> p.equals(FILE), 1);
                assertThatThrownBy(() -> file.force(false)).isInstanceOf(IOException.class).hasMessageContaining("/data/f");
                assertThat(text(disk.content(FILE))).as("the cache still shows the lost write").isEqualTo("AAAABBBB");
                file.force(false);
                disk.crash();
                assertThat(text(disk.content(FILE))).isEqualTo("AAAA");
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        });
    }

    @Test
    void when_a_write_fails_then_the_error_names_the_file_and_part_of_it_may_be_there() throws IOException {
        SimulatedDisk disk = diskWithDirectory(3);
        DiskFile file = fileWith(disk, "AAAA");
        disk.failWrites(p -> true, 1);
        assertThatThrownBy(() -> file.write(utf8("BBBBBBBB"), 4))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("/data/f")
                .hasMessageContaining("offset 4");
        assertThat(text(disk.content(FILE))).startsWith("AAAA");
        file.write(utf8("CC"), 4);
        assertThat(text(disk.content(FILE))).startsWith("AAAACC");
    }

    @Test
    void when_space_runs_out_then_the_write_fails_with_out_of_space_after_writing_what_fits() throws IOException {
        SimulatedDisk disk = diskWithDirectory(1);
        disk.limitSpace(10);
        DiskFile file = fileWith(disk, "AAAA");
        assertThatThrownBy(() -> file.write(utf8("BBBBBBBBBB"), 4))
                .isInstanceOf(OutOfSpaceException.class)
                .hasMessageContaining("/data/f")
                .satisfies(e -> assertThat(((OutOfSpaceException) e).file()).isEqualTo(FILE));
        assertThat(text(disk.content(FILE))).isEqualTo("AAAABBBBBB");
        file.write(utf8("xy"), 0);
        assertThat(disk.usedBytes()).isEqualTo(10);
    }

    @Test
    void when_halted_after_n_operations_then_that_one_and_all_later_fail_until_the_crash() throws IOException {
        SimulatedDisk disk = diskWithDirectory(5);
        DiskFile file = fileWith(disk, "AAAA");
        disk.haltAfter(2);
        file.write(utf8("B"), 4);
        file.force(false);
        assertThatThrownBy(() -> file.write(utf8("C"), 5)).hasMessageContaining("power loss");
        assertThatThrownBy(() -> file.size()).hasMessageContaining("power loss");
        assertThat(disk.isHalted()).isTrue();
        disk.crash();
        assertThat(text(disk.content(FILE))).isEqualTo("AAAAB");
        assertThatThrownBy(() -> file.size()).hasMessageContaining("crash");
    }

    @Test
    void when_a_bit_is_flipped_then_the_medium_and_reads_both_show_it() throws IOException {
        SimulatedDisk disk = diskWithDirectory(9);
        DiskFile file = fileWith(disk, "AAAA");
        disk.flipBit(FILE, 2, 0);
        assertThat(text(disk.content(FILE))).isEqualTo("AA@A");
        assertThat(text(disk.durableContent(FILE))).isEqualTo("AA@A");
        long offset = disk.flipRandomBit(FILE, 0, 4);
        assertThat(offset).isBetween(0L, 3L);
        file.close();
    }

    @Test
    void when_the_process_is_killed_then_written_data_stays_but_handles_and_locks_die() throws IOException {
        SimulatedDisk disk = diskWithDirectory(11);
        DiskFile file = fileWith(disk, "AAAA", "BBBB");
        disk.lock(DIR);
        disk.kill();
        assertThat(text(disk.content(FILE))).isEqualTo("AAAABBBB");
        assertThat(disk.hasUnforcedChanges(FILE)).isTrue();
        assertThatThrownBy(file::size).hasMessageContaining("crash");
        disk.lock(DIR).close();
    }

    @Test
    void when_the_same_seed_runs_twice_then_the_crash_keeps_the_same_bytes() throws IOException {
        List<String> outcomes = new ArrayList<>();
        for (int run = 0; run < 2; run++) {
            SimulatedDisk disk = diskWithDirectory(1234);
            fileWith(disk, "AAAA", "BBBB", "CCCC", "DDDD");
            disk.crash();
            outcomes.add(text(disk.content(FILE)));
        }
        assertThat(outcomes.get(0)).isEqualTo(outcomes.get(1));
    }

    @Test
    void when_an_observer_is_installed_then_it_sees_forces_before_and_after() throws IOException {
        SimulatedDisk disk = diskWithDirectory(13);
        List<String> seen = new ArrayList<>();
        disk.setObserver(new DiskObserver() {
            @Override
            public void beforeForce(Path file) {
                seen.add("before " + file);
            }

            @Override
            public void afterForce(Path file) {
                seen.add("after " + file);
            }

            @Override
            public void beforeDirectorySync(Path directory) {
                seen.add("sync " + directory);
            }
        });
        fileWith(disk, "A").close();
        assertThat(seen).containsExactly("sync /data", "before /data/f", "after /data/f");
        assertThat(disk.forceCount(FILE)).isEqualTo(1);
        assertThat(disk.directorySyncCount(DIR)).isEqualTo(1);
    }
}
