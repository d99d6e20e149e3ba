package io.shepherd.wal;

import static io.shepherd.wal.WalFixtures.DIR;
import static io.shepherd.wal.WalFixtures.options;
import static io.shepherd.wal.WalFixtures.payload;
import static io.shepherd.wal.WalFixtures.readAll;
import static io.shepherd.wal.WalFixtures.segments;
import static io.shepherd.wal.WalFixtures.simulatedDisk;
import static org.assertj.core.api.Assertions.assertThat;

import io.shepherd.common.io.DiskFile;
import io.shepherd.testkit.SeededRuns;
import io.shepherd.testkit.disk.SimulatedDisk;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Framing and recovery as a property: write any sequence of records, cut the log's bytes at any point
 * (as a crash that persisted exactly a prefix of them would), reopen — the log holds exactly the records
 * whose bytes were complete, in order, at their positions, reports the torn tail exactly when partial
 * bytes were left, and goes on working.
 */
class CrashCutPropertyTest {

    /** A record and where its frame ends: in which segment file, at which offset, at which byte of all files. */
    private record Written(long position, byte[] payload, int file, long endOffset, long globalEnd) {}

    /** What the cut kept: the index of the last file present (-1 if no file is left) and its bytes. */
    private record Cut(int lastFile, byte[] lastFileContent) {}

    @Test
    void when_the_log_bytes_are_cut_at_any_point_then_reopening_yields_exactly_the_complete_records() {
        SeededRuns.of("wal crash cut at any byte", 300, 20_000).forEach(this::cutAndRecover);
    }

    private void cutAndRecover(long seed) {
        try {
            SplittableRandom random = new SplittableRandom(seed);
            SimulatedDisk source = simulatedDisk(seed);
            long segmentBytes = 4096 + random.nextInt(8192);
            List<byte[]> payloads = new ArrayList<>();
            List<Long> positions = new ArrayList<>();
            long preallocate = random.nextBoolean() ? 0 : 256 + random.nextInt(8192);
            try (Wal wal = Wal.open(options(source).segmentBytes(segmentBytes).preallocateBytes(preallocate)
                    .syncPolicy(SyncPolicy.NONE).build())) {
                int count = random.nextInt(150);
                for (int i = 0; i < count; i++) {
                    byte[] p = payload(random, i, 3000);
                    payloads.add(p);
                    positions.add(wal.append(p).join());
                }
            }
            List<Path> files = segments(source);
            List<byte[]> contents = new ArrayList<>();
            for (Path f : files) {
                contents.add(source.content(f));
            }
            long total = contents.stream().mapToLong(c -> c.length).sum();
            long cut = random.nextLong(total + 1);
            boolean zeroPadded = random.nextBoolean();
            SimulatedDisk cutDisk = simulatedDisk(seed);
            Cut kept = writeCut(cutDisk, files, contents, cut, zeroPadded);

            // Zero padding puts back any zero bytes the cut removed, so a frame ending in zeros survives it.
            long intactUpTo = zeroPadded ? skipZeros(contents, cut) : cut;
            List<Written> expected = layOut(files, contents, payloads, positions).stream()
                    .filter(w -> w.globalEnd() <= intactUpTo)
                    .toList();
            long cleanEnd = expected.stream().filter(w -> w.file() == kept.lastFile())
                    .mapToLong(Written::endOffset).max().orElse(SegmentHeader.BYTES);
            // Zeros after the last complete record (preallocated, or padding) are a clean end, not a torn record.
            boolean tornExpected = kept.lastFile() >= 0 && !onlyZerosFrom(kept.lastFileContent(), cleanEnd);

            WalOptions options = options(cutDisk).segmentBytes(segmentBytes).build();
            try (Wal wal = Wal.open(options)) {
                List<LogRecord> read = readAll(wal);
                assertThat(read).hasSize(expected.size());
                for (int i = 0; i < read.size(); i++) {
                    assertThat(read.get(i).position()).isEqualTo(expected.get(i).position());
                    assertThat(read.get(i).payload()).isEqualTo(expected.get(i).payload());
                }
                assertThat(wal.recoveryReport().tornTail().isPresent())
                        .as("torn tail reported iff the cut left partial record bytes (cut %d of %d)", cut, total)
                        .isEqualTo(tornExpected);
                wal.recoveryReport().tornTail().ifPresent(t -> {
                    assertThat(t.position()).isEqualTo(wal.endPosition());
                    assertThat(t.bytes()).isEqualTo(kept.lastFileContent().length - cleanEnd);
                });
                long end = wal.endPosition();
                assertThat(wal.append(new byte[] {42}).join()).isEqualTo(end);
            }
            try (Wal wal = Wal.open(options)) {
                assertThat(wal.recoveryReport().tornTail()).isEmpty();
                List<LogRecord> read = readAll(wal);
                assertThat(read).hasSize(expected.size() + 1);
                assertThat(read.get(read.size() - 1).payload()).containsExactly(42);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean onlyZerosFrom(byte[] content, long from) {
        for (long i = from; i < content.length; i++) {
            if (content[(int) i] != 0) {
                return false;
            }
        }
        return true;
    }

    /** The first byte at or after {@code at} (in all files concatenated) that is not zero, within at's file. */
    private static long skipZeros(List<byte[]> contents, long at) {
        long fileStart = 0;
        for (byte[] c : contents) {
            if (at < fileStart + c.length) {
                long i = at;
                while (i < fileStart + c.length && c[(int) (i - fileStart)] == 0) {
                    i++;
                }
                return i;
            }
            fileStart += c.length;
        }
        return at;
    }

    private static List<Written> layOut(List<Path> files, List<byte[]> contents, List<byte[]> payloads,
            List<Long> positions) {
        List<Written> written = new ArrayList<>();
        long fileStart = 0;
        int record = 0;
        for (int f = 0; f < files.size(); f++) {
            long base = SegmentFiles.parseBase(files.get(f).getFileName().toString());
            long nextBase = f + 1 < files.size()
                    ? SegmentFiles.parseBase(files.get(f + 1).getFileName().toString())
                    : Long.MAX_VALUE;
            while (record < positions.size() && positions.get(record) < nextBase) {
                long endOffset = SegmentFiles.offsetOf(positions.get(record), base)
                        + RecordFrame.frameBytes(payloads.get(record).length);
                written.add(new Written(positions.get(record), payloads.get(record), f, endOffset, fileStart + endOffset));
                record++;
            }
            fileStart += contents.get(f).length;
        }
        assertThat(written).hasSize(positions.size());
        return written;
    }

    /**
     * Materialises the crash: files wholly before the cut intact, the one it falls in cut there (and maybe
     * zero-filled back to its length, as a preallocating file system would leave it), none after. A file
     * cut inside its header never got its name: segments are renamed into place after the header is forced.
     */
    private static Cut writeCut(SimulatedDisk disk, List<Path> files, List<byte[]> contents, long cut,
            boolean zeroPadded) throws IOException {
        long fileStart = 0;
        Cut kept = new Cut(-1, new byte[0]);
        for (int f = 0; f < files.size(); f++) {
            byte[] content = contents.get(f);
            int keep = (int) Math.min(content.length, cut - fileStart);
            if (keep < SegmentHeader.BYTES) {
                break;
            }
            byte[] bytes = Arrays.copyOf(content, keep);
            if (keep < content.length && zeroPadded) {
                bytes = Arrays.copyOf(bytes, content.length);
            }
            try (DiskFile file = disk.create(files.get(f))) {
                file.write(ByteBuffer.wrap(bytes), 0);
                file.force(true);
            }
            kept = new Cut(f, bytes);
            fileStart += content.length;
            if (keep < content.length) {
                break;
            }
        }
        disk.syncDirectory(DIR);
        return kept;
    }
}
