package io.shepherd.wal;

import static io.shepherd.wal.WalFixtures.DIR;
import static io.shepherd.wal.WalFixtures.options;
import static io.shepherd.wal.WalFixtures.readAll;
import static io.shepherd.wal.WalFixtures.segments;
import static io.shepherd.wal.WalFixtures.simulatedDisk;
import static io.shepherd.wal.WalFixtures.texts;
import static io.shepherd.wal.WalFixtures.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shepherd.common.io.DiskFile;
import io.shepherd.testkit.disk.SimulatedDisk;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** Each fault of the simulated disk, and the behaviour the log promises for it. */
class FaultInjectionTest {

    private static final Path SEGMENT = DIR.resolve("00000000000000000000.wal");

    private final SimulatedDisk disk = simulatedDisk(3);

    @Test
    void when_a_force_fails_then_pending_appends_fail_naming_the_file_later_ones_are_refused_and_it_is_never_retried()
            throws IOException {
        Wal wal = Wal.open(options(disk).build());
        wal.append(utf8("durable")).join();
        disk.failForces(SEGMENT::equals, 1);
        CompletableFuture<Long> doomed = wal.append(utf8("doomed"));
        assertThat(doomed).failsWithin(Duration.ofSeconds(30)).withThrowableThat()
                .havingCause().isInstanceOf(WalIoException.class)
                .withMessageContaining(SEGMENT.toString())
                .withMessageContaining("force failed");
        int forcesAtFailure = disk.forceCount(SEGMENT);
        assertThat(wal.append(utf8("refused"))).failsWithin(Duration.ofSeconds(30)).withThrowableThat()
                .havingCause().isInstanceOf(WalFailedException.class)
                .withMessageContaining("reopen");
        assertThatThrownBy(wal::sync).isInstanceOf(WalFailedException.class);
        assertThat(texts(readAll(wal))).as("readers never see the unforced record").containsExactly("durable");
        wal.close();
        assertThat(disk.forceCount(SEGMENT)).as("no retry of the failed force").isEqualTo(forcesAtFailure);

        disk.crash();
        try (Wal reopened = Wal.open(options(disk).build())) {
            assertThat(texts(readAll(reopened))).containsExactly("durable");
            reopened.append(utf8("after")).join();
        }
    }

    @Test
    void when_a_force_fails_under_a_caller_writing_in_place_then_it_gets_the_error_and_the_log_stops()
            throws IOException {
        Wal wal = Wal.open(options(disk).build());
        wal.appendAndAwait(utf8("durable"));
        disk.failForces(SEGMENT::equals, 1);
        assertThatThrownBy(() -> wal.appendAndAwait(utf8("doomed")))
                .isInstanceOf(WalIoException.class)
                .hasMessageContaining(SEGMENT.toString());
        int forcesAtFailure = disk.forceCount(SEGMENT);
        assertThatThrownBy(() -> wal.appendAndAwait(utf8("refused"))).isInstanceOf(WalFailedException.class);
        assertThat(wal.append(utf8("refused too"))).failsWithin(Duration.ofSeconds(30)).withThrowableThat()
                .havingCause().isInstanceOf(WalFailedException.class);
        wal.close();
        assertThat(disk.forceCount(SEGMENT)).isEqualTo(forcesAtFailure);
        disk.crash();
        try (Wal reopened = Wal.open(options(disk).build())) {
            assertThat(texts(readAll(reopened))).containsExactly("durable");
        }
    }

    @Test
    void when_the_disk_is_full_then_the_append_fails_with_out_of_space_naming_the_segment_and_reopening_recovers()
            throws IOException {
        // Without preallocation, so that the record's own write is the one that runs out of space.
        Wal wal = Wal.open(options(disk).preallocateBytes(0).build());
        wal.append(utf8("kept")).join();
        disk.limitSpace(disk.usedBytes() + 30);
        CompletableFuture<Long> tooBig = wal.append(new byte[100]);
        assertThat(tooBig).failsWithin(Duration.ofSeconds(30)).withThrowableThat()
                .havingCause().isInstanceOf(WalOutOfSpaceException.class)
                .withMessageContaining(SEGMENT.toString())
                .satisfies(e -> assertThat(((WalOutOfSpaceException) e).file()).isEqualTo(SEGMENT));
        assertThat(wal.append(utf8("refused"))).failsWithin(Duration.ofSeconds(30)).withThrowableThat()
                .havingCause().isInstanceOf(WalFailedException.class)
                .havingCause().isInstanceOf(WalOutOfSpaceException.class);
        wal.close();

        disk.kill();
        disk.limitSpace(Long.MAX_VALUE);
        try (Wal reopened = Wal.open(options(disk).build())) {
            TornTail torn = reopened.recoveryReport().tornTail().orElseThrow();
            assertThat(torn.bytes()).as("the part of the write that fitted").isEqualTo(30);
            assertThat(texts(readAll(reopened))).containsExactly("kept");
        }
    }

    @Test
    void when_the_disk_fills_while_zero_filling_ahead_then_the_append_fails_and_reopening_keeps_every_acknowledged_record()
            throws IOException {
        int chunk = 16 * 1024;
        Wal wal = Wal.open(options(disk).segmentBytes(1 << 20).preallocateBytes(chunk).build());
        List<Long> acknowledged = new ArrayList<>();
        acknowledged.add(wal.append(new byte[1000]).join());
        disk.limitSpace(disk.usedBytes() + 100);
        CompletableFuture<Long> failed = null;
        for (int i = 0; i < 2 * chunk / 1000 && failed == null; i++) {
            CompletableFuture<Long> next = wal.append(new byte[1000]);
            next.handle((position, error) -> null).join();
            if (next.isCompletedExceptionally()) {
                failed = next;
            } else {
                acknowledged.add(next.join());
            }
        }
        assertThat(failed).as("the record that needed the next chunk").isNotNull();
        assertThat(failed).failsWithin(Duration.ofSeconds(30)).withThrowableThat()
                .havingCause().isInstanceOf(WalOutOfSpaceException.class)
                .withMessageContaining(SEGMENT.toString());
        wal.close();

        disk.kill();
        disk.limitSpace(Long.MAX_VALUE);
        try (Wal reopened = Wal.open(options(disk).segmentBytes(1 << 20).preallocateBytes(chunk).build())) {
            assertThat(reopened.recoveryReport().tornTail()).as("a partly zero-filled tail is a clean end").isEmpty();
            assertThat(readAll(reopened)).extracting(LogRecord::position).isEqualTo(acknowledged);
        }
    }

    @Test
    void when_the_disk_is_full_at_a_segment_roll_then_the_error_names_the_new_segment_file() {
        Wal wal = Wal.open(options(disk).preallocateBytes(0).build());
        wal.append(new byte[3000]).join();
        disk.limitSpace(disk.usedBytes() + 10);
        assertThat(wal.append(new byte[3000])).failsWithin(Duration.ofSeconds(30)).withThrowableThat()
                .havingCause().isInstanceOf(WalOutOfSpaceException.class)
                .withMessageContaining(".wal.tmp");
        wal.close();
    }

    @Test
    void when_a_write_fails_then_the_error_names_the_file_and_offset_and_the_log_stops() {
        Wal wal = Wal.open(options(disk).build());
        wal.append(utf8("one")).join();
        disk.failWrites(SEGMENT::equals, 1);
        assertThat(wal.append(utf8("two"))).failsWithin(Duration.ofSeconds(30)).withThrowableThat()
                .havingCause().isInstanceOf(WalIoException.class)
                .withMessageContaining(SEGMENT.toString())
                .withMessageContaining("offset 55");
        assertThat(wal.append(utf8("three"))).failsWithin(Duration.ofSeconds(30)).withThrowableThat()
                .havingCause().isInstanceOf(WalFailedException.class);
        wal.close();
        disk.crash();
        try (Wal reopened = Wal.open(options(disk).build())) {
            assertThat(texts(readAll(reopened))).containsExactly("one");
        }
    }

    @Test
    void when_a_directory_sync_fails_during_a_roll_then_the_log_stops_with_the_error() {
        Wal wal = Wal.open(options(disk).build());
        wal.append(new byte[3000]).join();
        disk.failDirectorySyncs(DIR::equals, 1);
        assertThat(wal.append(new byte[3000])).failsWithin(Duration.ofSeconds(30)).withThrowableThat()
                .havingCause().isInstanceOf(WalIoException.class)
                .withMessageContaining("syncing the directory");
        wal.close();
    }

    @Test
    void when_a_segment_rolls_then_the_new_name_is_durable_before_any_record_in_it_is_acknowledged() throws IOException {
        try (Wal wal = Wal.open(options(disk).build())) {
            wal.append(new byte[3000]).join();
            long position = wal.append(new byte[3000]).join();
            Path second = SegmentFiles.path(DIR, position);
            assertThat(disk.isNameDurable(second)).isTrue();
            assertThat(disk.unsyncedNameChanges(DIR)).isZero();
            assertThat(disk.hasUnforcedChanges(SEGMENT)).as("the sealed segment was forced").isFalse();
        }
    }

    @Test
    void when_a_crash_left_a_half_created_segment_then_opening_removes_it_durably_and_reports_it() throws IOException {
        Wal.open(options(disk).build()).close();
        Path temp = DIR.resolve("00000000000000000000.wal.tmp");
        try (DiskFile file = disk.create(temp)) {
            file.write(ByteBuffer.wrap(new byte[7]), 0);
        }
        try (Wal wal = Wal.open(options(disk).build())) {
            assertThat(wal.recoveryReport().removedTempFiles()).containsExactly(temp);
            assertThat(disk.exists(temp)).isFalse();
            assertThat(disk.unsyncedNameChanges(DIR)).isZero();
        }
    }

    @Test
    void when_a_segment_header_is_damaged_then_opening_fails_naming_the_file() throws IOException {
        try (Wal wal = Wal.open(options(disk).build())) {
            wal.append(utf8("x")).join();
        }
        disk.flipBit(SEGMENT, 17, 3);
        assertThatThrownBy(() -> Wal.open(options(disk).build()))
                .isInstanceOf(CorruptLogException.class)
                .hasMessageContaining(SEGMENT.toString())
                .hasMessageContaining("header")
                .satisfies(e -> assertThat(((CorruptLogException) e).offset()).isZero());
    }

    @Test
    void when_a_segment_is_missing_from_the_middle_then_opening_fails_naming_where_records_are_missing()
            throws IOException {
        try (Wal wal = Wal.open(options(disk).build())) {
            for (int i = 0; i < 4; i++) {
                wal.append(new byte[3000]).join();
            }
        }
        List<Path> files = segments(disk);
        assertThat(files).hasSizeGreaterThanOrEqualTo(3);
        disk.delete(files.get(1));
        assertThatThrownBy(() -> Wal.open(options(disk).build()))
                .isInstanceOf(CorruptLogException.class)
                .hasMessageContaining(files.get(0).toString())
                .hasMessageContaining("next segment");
    }
}
