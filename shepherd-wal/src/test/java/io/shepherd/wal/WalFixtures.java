package io.shepherd.wal;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.shepherd.common.io.Disk;
import io.shepherd.testkit.disk.SimulatedDisk;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Shared helpers for log tests. */
final class WalFixtures {

    static final Path DIR = Path.of("/disk/wal");

    private WalFixtures() {}

    static SimulatedDisk simulatedDisk(long seed) {
        SimulatedDisk disk = new SimulatedDisk(seed);
        try {
            disk.createDirectories(DIR);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return disk;
    }

    static WalOptions.Builder options(Disk disk) {
        return WalOptions.builder(DIR).disk(disk).segmentBytes(4096);
    }

    static byte[] utf8(String s) {
        return s.getBytes(UTF_8);
    }

    static String text(byte[] bytes) {
        return new String(bytes, UTF_8);
    }

    /** Every record from {@code from} to the end. */
    static List<LogRecord> readAll(Wal wal, long from) {
        List<LogRecord> records = new ArrayList<>();
        try (WalReader reader = wal.openReader(from)) {
            for (LogRecord r = reader.next(); r != null; r = reader.next()) {
                records.add(r);
            }
        }
        return records;
    }

    static List<LogRecord> readAll(Wal wal) {
        return readAll(wal, wal.startPosition());
    }

    static List<String> texts(List<LogRecord> records) {
        return records.stream().map(r -> text(r.payload())).toList();
    }

    /** A payload whose content is a function of {@code index} and whose length is random, up to {@code maxBytes}. */
    static byte[] payload(SplittableRandom random, int index, int maxBytes) {
        int length = random.nextInt(10) == 0 ? random.nextInt(maxBytes + 1) : random.nextInt(Math.min(64, maxBytes) + 1);
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            bytes[i] = (byte) (index * 31 + i * 7);
        }
        return bytes;
    }

    /** The segment files of the log, in order. */
    static List<Path> segments(Disk disk) throws IOException {
        return disk.list(DIR).stream().filter(p -> p.getFileName().toString().endsWith(".wal")).toList();
    }
}
