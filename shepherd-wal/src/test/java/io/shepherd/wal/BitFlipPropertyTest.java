package io.shepherd.wal;

import static io.shepherd.wal.WalFixtures.options;
import static io.shepherd.wal.WalFixtures.payload;
import static io.shepherd.wal.WalFixtures.readAll;
import static io.shepherd.wal.WalFixtures.segments;
import static io.shepherd.wal.WalFixtures.simulatedDisk;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shepherd.testkit.SeededRuns;
import io.shepherd.testkit.disk.SimulatedDisk;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * One flipped bit anywhere in a closed log. Damage to a durable record is corruption, reported with the
 * file and the offset of the damaged frame, unless it hits the very last record of the last segment:
 * that is indistinguishable from a torn write, so it is cut off and reported as a torn tail.
 */
class BitFlipPropertyTest {

    private record Frame(int file, long offset, long position, int bytes) {}

    @Test
    void when_any_bit_of_a_log_flips_then_opening_names_the_damaged_frame_or_cuts_a_damaged_last_record() {
        SeededRuns.of("wal bit flip", 300, 10_000).forEach(this::flipAndOpen);
    }

    private void flipAndOpen(long seed) {
        try {
            SplittableRandom random = new SplittableRandom(seed);
            SimulatedDisk disk = simulatedDisk(seed);
            WalOptions options = options(disk).segmentBytes(4096 + random.nextInt(4096))
                    .preallocateBytes(random.nextBoolean() ? 0 : 512 + random.nextInt(4096)).build();
            List<Long> positions = new ArrayList<>();
            List<Integer> lengths = new ArrayList<>();
            try (Wal wal = Wal.open(options)) {
                int count = 1 + random.nextInt(80);
                for (int i = 0; i < count; i++) {
                    byte[] p = payload(random, i, 1500);
                    lengths.add(p.length);
                    positions.add(wal.append(p).join());
                }
            }
            List<Path> files = segments(disk);
            List<Frame> frames = frames(files, positions, lengths);
            int fileIndex = random.nextInt(files.size());
            Path file = files.get(fileIndex);
            long size = disk.content(file).length;
            long offset = random.nextLong(size);
            disk.flipBit(file, offset, random.nextInt(8));

            boolean verifySealed = random.nextInt(4) != 0;
            WalOptions reopen = options.toBuilder().verifySealedSegments(verifySealed).build();
            if (offset < SegmentHeader.BYTES) {
                assertThatThrownBy(() -> Wal.open(reopen))
                        .isInstanceOfSatisfying(CorruptLogException.class, e -> {
                            assertThat(e.file()).isEqualTo(file);
                            assertThat(e.offset()).isLessThan(SegmentHeader.BYTES);
                        });
                return;
            }
            Frame last = frames.get(frames.size() - 1);
            if (fileIndex == files.size() - 1 && offset >= last.offset() + last.bytes()) {
                // A flip in the preallocated zeros after the last record: not a record, so nothing is lost.
                try (Wal wal = Wal.open(reopen)) {
                    TornTail torn = wal.recoveryReport().tornTail().orElseThrow();
                    assertThat(torn.fileOffset()).isEqualTo(last.offset() + last.bytes());
                    assertThat(torn.bytes()).isEqualTo(size - torn.fileOffset());
                    assertThat(readAll(wal)).hasSize(positions.size());
                }
                return;
            }
            Frame hit = frames.stream().filter(f -> f.file() == fileIndex && f.offset() <= offset
                    && offset < f.offset() + f.bytes()).findFirst().orElseThrow();
            boolean lastRecord = hit.equals(last) && fileIndex == files.size() - 1;
            boolean sealed = fileIndex < files.size() - 1;
            if (lastRecord) {
                try (Wal wal = Wal.open(reopen)) {
                    TornTail torn = wal.recoveryReport().tornTail().orElseThrow();
                    assertThat(torn.position()).isEqualTo(hit.position());
                    assertThat(torn.bytes()).as("the record and any zeros after it").isEqualTo(size - hit.offset());
                    assertThat(readAll(wal)).hasSize(positions.size() - 1);
                }
            } else if (sealed && !verifySealed) {
                try (Wal wal = Wal.open(reopen)) {
                    assertThatThrownBy(() -> readAll(wal)).isInstanceOfSatisfying(CorruptLogException.class, e -> {
                        assertThat(e.file()).isEqualTo(file);
                        assertThat(e.offset()).isEqualTo(hit.offset());
                    });
                }
            } else {
                assertThatThrownBy(() -> Wal.open(reopen)).isInstanceOfSatisfying(CorruptLogException.class, e -> {
                    assertThat(e.file()).isEqualTo(file);
                    assertThat(e.offset()).isEqualTo(hit.offset());
                    assertThat(e.getMessage()).contains(file.toString()).contains("offset " + hit.offset());
                });
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Frame> frames(List<Path> files, List<Long> positions, List<Integer> lengths) {
        List<Frame> frames = new ArrayList<>();
        int record = 0;
        for (int f = 0; f < files.size(); f++) {
            long base = SegmentFiles.parseBase(files.get(f).getFileName().toString());
            long nextBase = f + 1 < files.size()
                    ? SegmentFiles.parseBase(files.get(f + 1).getFileName().toString())
                    : Long.MAX_VALUE;
            while (record < positions.size() && positions.get(record) < nextBase) {
                frames.add(new Frame(f, SegmentFiles.offsetOf(positions.get(record), base), positions.get(record),
                        RecordFrame.frameBytes(lengths.get(record))));
                record++;
            }
        }
        return frames;
    }
}
