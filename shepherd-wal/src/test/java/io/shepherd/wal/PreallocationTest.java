package io.shepherd.wal;

import static io.shepherd.wal.WalFixtures.DIR;
import static io.shepherd.wal.WalFixtures.options;
import static io.shepherd.wal.WalFixtures.readAll;
import static io.shepherd.wal.WalFixtures.segments;
import static io.shepherd.wal.WalFixtures.simulatedDisk;
import static io.shepherd.wal.WalFixtures.texts;
import static io.shepherd.wal.WalFixtures.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import io.shepherd.testkit.disk.SimulatedDisk;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.Test;

/** Segments zero-filled ahead of their records: cheaper forces, and a zero tail that recovery reads as the end. */
class PreallocationTest {

    private static final Path FIRST = DIR.resolve("00000000000000000000.wal");

    private final SimulatedDisk disk = simulatedDisk(5);

    @Test
    void when_segments_are_preallocated_then_forces_are_mostly_data_only_and_every_acknowledged_record_lies_within_a_committed_length()
            throws IOException {
        LengthCheckingDisk checking = new LengthCheckingDisk(disk);
        WalOptions options = options(checking).segmentBytes(64 * 1024).preallocateBytes(8 * 1024).build();
        ConcurrentLinkedQueue<String> violations = new ConcurrentLinkedQueue<>();
        try (Wal wal = Wal.open(options)) {
            List<CompletableFuture<Long>> appended = new ArrayList<>();
            for (int i = 0; i < 300; i++) {
                if (i % 2 == 0) {
                    checkCommitted(checking, wal.appendAndAwait(new byte[500]), 500, violations);
                } else {
                    CompletableFuture<Long> future = wal.append(new byte[700]);
                    appended.add(future.thenApply(position -> checkCommitted(checking, position, 700, violations)));
                }
                if (i == 150) {
                    wal.truncateSuffix(wal.endPosition() - RecordFrame.frameBytes(500)); // cuts the zero tail too
                }
            }
            appended.forEach(CompletableFuture::join);
        }
        assertThat(violations).isEmpty();
        assertThat(checking.forces).as("data-only forces").contains(false);
        assertThat(segments(disk)).hasSizeGreaterThan(2);
        try (Wal reopened = Wal.open(options)) {
            assertThat(reopened.recoveryReport().tornTail()).isEmpty();
            assertThat(readAll(reopened)).hasSize(299);
        }
    }

    /** Checks, when a record is acknowledged, that a crash now would keep its segment long enough to hold it. */
    private long checkCommitted(LengthCheckingDisk checking, long position, int payload,
            ConcurrentLinkedQueue<String> violations) {
        try {
            long base = segments(disk).stream().mapToLong(p -> SegmentFiles.parseBase(p.getFileName().toString()))
                    .filter(b -> b <= position).max().orElseThrow();
            long end = SegmentFiles.offsetOf(position, base) + RecordFrame.frameBytes(payload);
            long committed = checking.committedLength(SegmentFiles.path(DIR, base));
            if (committed < end) {
                violations.add("record at " + position + " ends at offset " + end + " but the committed length is "
                        + committed);
            }
        } catch (IOException e) {
            violations.add(e.toString());
        }
        return position;
    }

    @Test
    void when_the_log_grows_past_its_zero_filled_tail_then_the_next_chunk_is_zero_filled_and_a_sealed_segment_is_cut_to_its_records()
            throws IOException {
        try (Wal wal = Wal.open(options(disk).segmentBytes(16 * 1024).preallocateBytes(4096).build())) {
            wal.append(utf8("first")).join();
            assertThat(disk.content(FIRST)).hasSize(SegmentHeader.BYTES + 4096);
            for (int i = 0; i < 5; i++) {
                wal.append(new byte[1000]).join();
            }
            assertThat(disk.content(FIRST)).hasSize(SegmentHeader.BYTES + 2 * 4096);
            for (int i = 0; i < 20; i++) {
                wal.append(new byte[1000]).join();
            }
            List<Path> files = segments(disk);
            assertThat(files).hasSizeGreaterThan(1);
            long nextBase = SegmentFiles.parseBase(files.get(1).getFileName().toString());
            assertThat((long) disk.content(FIRST).length).as("sealed: ends where the next segment begins")
                    .isEqualTo(SegmentFiles.offsetOf(nextBase, 0));
        }
    }

    @Test
    void when_a_preallocated_log_is_reopened_after_a_kill_then_its_zero_tail_is_a_clean_end_where_appends_continue()
            throws IOException {
        WalOptions options = options(disk).segmentBytes(1 << 20).preallocateBytes(8 * 1024).build();
        long end;
        Wal wal = Wal.open(options);
        for (int i = 0; i < 10; i++) {
            wal.append(utf8("record " + i)).join();
        }
        end = wal.endPosition();
        disk.kill();

        try (Wal reopened = Wal.open(options)) {
            assertThat(reopened.recoveryReport().tornTail()).as("zeros are not a torn record").isEmpty();
            assertThat(reopened.endPosition()).isEqualTo(end);
            assertThat(disk.content(FIRST).length).as("the zero-filled tail is kept for the next records")
                    .isGreaterThan((int) SegmentFiles.offsetOf(end, 0));
            assertThat(reopened.append(utf8("after")).join()).isEqualTo(end);
        }
        disk.crash();
        try (Wal reopened = Wal.open(options)) {
            assertThat(reopened.recoveryReport().tornTail()).isEmpty();
            assertThat(texts(readAll(reopened))).hasSize(11).endsWith("after");
        }
    }

    @Test
    void when_a_torn_record_lies_in_the_zero_filled_tail_then_it_is_cut_as_a_torn_tail_and_the_rest_kept()
            throws IOException {
        WalOptions options = options(disk).segmentBytes(1 << 20).preallocateBytes(8 * 1024).build();
        long end;
        try (Wal wal = Wal.open(options)) {
            wal.append(utf8("kept")).join();
            end = wal.endPosition();
        }
        // Half a frame header where the next record would go: what a write cut short by a crash leaves.
        disk.flipBit(FIRST, SegmentFiles.offsetOf(end, 0) + 4, 0);
        try (Wal reopened = Wal.open(options)) {
            TornTail torn = reopened.recoveryReport().tornTail().orElseThrow();
            assertThat(torn.position()).isEqualTo(end);
            assertThat(texts(readAll(reopened))).containsExactly("kept");
            assertThat(reopened.append(utf8("next")).join()).isEqualTo(end);
        }
    }
}
