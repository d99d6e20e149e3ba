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

import io.shepherd.common.io.Disk;
import io.shepherd.testkit.disk.SimulatedDisk;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WalTest {

    private final SimulatedDisk disk = simulatedDisk(1);

    private List<Long> appendAll(Wal wal, String... payloads) {
        List<CompletableFuture<Long>> futures = new ArrayList<>();
        for (String p : payloads) {
            futures.add(wal.append(utf8(p)));
        }
        return futures.stream().map(CompletableFuture::join).toList();
    }

    @Test
    void when_records_are_appended_then_positions_are_contiguous_frames_from_zero_and_a_reader_returns_them()
            throws IOException {
        try (Wal wal = Wal.open(options(disk).build())) {
            List<Long> positions = appendAll(wal, "a", "bb", "", "dddd");
            assertThat(positions).containsExactly(0L, 21L, 43L, 63L);
            assertThat(wal.endPosition()).isEqualTo(87);
            List<LogRecord> records = readAll(wal);
            assertThat(texts(records)).containsExactly("a", "bb", "", "dddd");
            assertThat(records).extracting(LogRecord::position).containsExactlyElementsOf(positions);
            assertThat(records.get(0).nextPosition()).isEqualTo(21);
        }
        assertThat(segments(disk)).containsExactly(DIR.resolve("00000000000000000000.wal"));
    }

    @Test
    void when_the_log_is_reopened_then_its_records_are_there_and_appends_continue_at_the_end() {
        WalOptions options = options(disk).build();
        try (Wal wal = Wal.open(options)) {
            appendAll(wal, "one", "two");
        }
        try (Wal wal = Wal.open(options)) {
            assertThat(wal.recoveryReport().tornTail()).isEmpty();
            assertThat(appendAll(wal, "three")).containsExactly(46L);
            assertThat(texts(readAll(wal))).containsExactly("one", "two", "three");
        }
    }

    @Test
    void when_segments_fill_up_then_records_never_span_two_and_readers_cross_between_them() throws IOException {
        String big = "x".repeat(1000);
        try (Wal wal = Wal.open(options(disk).build())) {
            for (int i = 0; i < 20; i++) {
                wal.append(utf8(i + big)).join();
            }
            List<Path> files = segments(disk);
            assertThat(files).hasSizeGreaterThan(5);
            for (Path file : files) {
                assertThat(disk.content(file).length).isLessThanOrEqualTo(4096);
            }
            List<String> read = texts(readAll(wal));
            assertThat(read).hasSize(20);
            for (int i = 0; i < 20; i++) {
                assertThat(read.get(i)).isEqualTo(i + big);
            }
        }
    }

    @Test
    void when_reading_from_a_middle_position_then_the_reader_starts_at_that_record() {
        try (Wal wal = Wal.open(options(disk).build())) {
            List<Long> positions = appendAll(wal, "a", "b", "c");
            assertThat(texts(readAll(wal, positions.get(1)))).containsExactly("b", "c");
            assertThat(texts(readAll(wal, wal.endPosition()))).isEmpty();
        }
    }

    @Test
    void when_a_position_is_outside_the_log_or_not_a_record_boundary_then_the_error_says_so() {
        try (Wal wal = Wal.open(options(disk).build())) {
            appendAll(wal, "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "b");
            assertThatThrownBy(() -> wal.openReader(wal.endPosition() + 1))
                    .isInstanceOf(InvalidPositionException.class)
                    .hasMessageContaining("past the end");
            assertThatThrownBy(() -> wal.openReader(-1))
                    .isInstanceOf(InvalidPositionException.class)
                    .hasMessageContaining("before the start");
            try (WalReader reader = wal.openReader(5)) {
                assertThatThrownBy(reader::next)
                        .isInstanceOf(InvalidPositionException.class)
                        .hasMessageContaining("no record starts at position 5");
            }
        }
    }

    @Test
    void when_a_record_is_larger_than_the_limit_then_append_refuses_it() {
        try (Wal wal = Wal.open(options(disk).maxRecordBytes(100).build())) {
            assertThatThrownBy(() -> wal.append(new byte[101]))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("101 bytes");
            assertThat(wal.append(new byte[100]).join()).isZero();
        }
    }

    @Test
    void when_a_tailing_reader_waits_then_it_gets_records_appended_later() throws Exception {
        ExecutorService executor = Executors.newSingleThreadExecutor();
        try (Wal wal = Wal.open(options(disk).build())) {
            CountDownLatch readerStarted = new CountDownLatch(1);
            Future<List<String>> tail = executor.submit(() -> {
                List<String> seen = new ArrayList<>();
                try (WalReader reader = wal.openReader(0)) {
                    readerStarted.countDown();
                    while (seen.size() < 3) {
                        LogRecord r = reader.next(Duration.ofSeconds(30));
                        seen.add(WalFixtures.text(r.payload()));
                    }
                }
                return seen;
            });
            readerStarted.await();
            appendAll(wal, "x", "y");
            appendAll(wal, "z");
            assertThat(tail.get(30, TimeUnit.SECONDS)).containsExactly("x", "y", "z");
        } finally {
            executor.shutdownNow();
        }
    }

    @Test
    void when_a_tailing_reader_times_out_then_it_returns_null_and_when_the_log_closes_it_is_told() throws Exception {
        Wal wal = Wal.open(options(disk).build());
        try (WalReader reader = wal.openReader(0)) {
            assertThat(reader.next(Duration.ZERO)).isNull();
            wal.close();
            assertThatThrownBy(() -> reader.next(Duration.ofSeconds(30))).isInstanceOf(WalClosedException.class);
        }
    }

    @Test
    void when_the_prefix_is_truncated_then_whole_old_segments_go_durably_and_earlier_positions_are_refused()
            throws IOException {
        try (Wal wal = Wal.open(options(disk).build())) {
            List<Long> positions = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                positions.add(wal.append(utf8(i + "y".repeat(900))).join());
            }
            int before = segments(disk).size();
            long keepFrom = positions.get(8);
            wal.truncatePrefix(keepFrom);
            assertThat(segments(disk).size()).isLessThan(before);
            assertThat(disk.unsyncedNameChanges(DIR)).isZero();
            assertThat(wal.startPosition()).isGreaterThan(0).isLessThanOrEqualTo(keepFrom);
            assertThat(readAll(wal, keepFrom)).hasSize(4);
            assertThatThrownBy(() -> wal.openReader(0))
                    .isInstanceOf(InvalidPositionException.class)
                    .hasMessageContaining("prefix truncation");
        }
        disk.crash();
        try (Wal wal = Wal.open(options(disk).build())) {
            assertThat(wal.startPosition()).isGreaterThan(0);
            assertThat(texts(readAll(wal))).last().asString().startsWith("11");
        }
    }

    @Test
    void when_a_reader_lags_behind_a_prefix_truncation_then_its_next_read_says_so() {
        try (Wal wal = Wal.open(options(disk).build())) {
            for (int i = 0; i < 10; i++) {
                wal.append(utf8("z".repeat(1000))).join();
            }
            try (WalReader reader = wal.openReader(0)) {
                wal.truncatePrefix(wal.endPosition());
                assertThatThrownBy(reader::next).isInstanceOf(InvalidPositionException.class);
            }
        }
    }

    @Test
    void when_the_suffix_is_truncated_then_the_records_are_gone_for_good_and_appends_reuse_the_position() {
        List<Long> positions;
        try (Wal wal = Wal.open(options(disk).build())) {
            positions = new ArrayList<>();
            for (int i = 0; i < 15; i++) {
                positions.add(wal.append(utf8(i + ":" + "s".repeat(700))).join());
            }
            try (WalReader lagging = wal.openReader(positions.get(12))) {
                wal.truncateSuffix(positions.get(5));
                assertThatThrownBy(lagging::next).isInstanceOf(InvalidPositionException.class)
                        .hasMessageContaining("truncated");
            }
            assertThat(wal.endPosition()).isEqualTo(positions.get(5));
            assertThat(readAll(wal)).hasSize(5);
            assertThat(wal.append(utf8("after")).join()).isEqualTo(positions.get(5));
        }
        disk.crash();
        try (Wal wal = Wal.open(options(disk).build())) {
            List<String> read = texts(readAll(wal));
            assertThat(read).hasSize(6);
            assertThat(read.get(5)).isEqualTo("after");
        }
    }

    @Test
    void when_the_suffix_is_truncated_at_a_position_inside_a_record_then_it_is_refused_and_the_log_works_on() {
        try (Wal wal = Wal.open(options(disk).build())) {
            List<Long> positions = appendAll(wal, "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "b");
            assertThatThrownBy(() -> wal.truncateSuffix(positions.get(0) + 3))
                    .isInstanceOf(InvalidPositionException.class)
                    .hasMessageContaining("no record starts there");
            assertThatThrownBy(() -> wal.truncateSuffix(wal.endPosition() + 1))
                    .isInstanceOf(InvalidPositionException.class);
            assertThat(appendAll(wal, "c")).hasSize(1);
            assertThat(texts(readAll(wal))).hasSize(3);
        }
    }

    @Test
    void when_everything_is_truncated_then_the_log_is_empty_and_starts_again_at_that_position() {
        try (Wal wal = Wal.open(options(disk).build())) {
            appendAll(wal, "a", "b");
            wal.truncateSuffix(0);
            assertThat(readAll(wal)).isEmpty();
            assertThat(appendAll(wal, "c")).containsExactly(0L);
        }
    }

    @Test
    void when_the_log_is_closed_then_appends_made_under_never_are_durable_and_later_appends_fail() {
        Wal wal = Wal.open(options(disk).syncPolicy(SyncPolicy.NONE).build());
        appendAll(wal, "a", "b", "c");
        wal.close();
        assertThat(wal.append(utf8("late"))).failsWithin(Duration.ofSeconds(10))
                .withThrowableThat().withCauseInstanceOf(WalClosedException.class);
        disk.crash();
        try (Wal reopened = Wal.open(options(disk).build())) {
            assertThat(texts(readAll(reopened))).containsExactly("a", "b", "c");
        }
    }

    @Test
    void when_a_log_is_open_for_writing_then_a_second_writer_cannot_open_it() {
        try (Wal wal = Wal.open(options(disk).build())) {
            assertThatThrownBy(() -> Wal.open(options(disk).build()))
                    .isInstanceOf(WalIoException.class)
                    .hasMessageContaining("locked");
            try (Wal readOnly = Wal.openReadOnly(options(disk).build())) {
                assertThat(readOnly.endPosition()).isEqualTo(wal.endPosition());
            }
        }
        Wal.open(options(disk).build()).close();
    }

    @Test
    void when_opened_read_only_then_appends_are_refused() {
        Wal.open(options(disk).build()).close();
        try (Wal wal = Wal.openReadOnly(options(disk).build())) {
            assertThatThrownBy(() -> wal.append(utf8("x"))).isInstanceOf(UnsupportedOperationException.class);
        }
    }

    @Test
    void when_used_on_the_real_disk_then_records_survive_reopening(@TempDir Path dir) {
        WalOptions options = WalOptions.builder(dir.resolve("log")).disk(Disk.local()).segmentBytes(8192).build();
        try (Wal wal = Wal.open(options)) {
            for (int i = 0; i < 100; i++) {
                wal.append(utf8("record " + i + " " + "r".repeat(100))).join();
            }
        }
        try (Wal wal = Wal.open(options)) {
            List<String> read = texts(readAll(wal));
            assertThat(read).hasSize(100);
            assertThat(read.get(99)).startsWith("record 99 ");
        }
    }
}
