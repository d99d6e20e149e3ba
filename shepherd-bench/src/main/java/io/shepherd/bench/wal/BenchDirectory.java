package io.shepherd.bench.wal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A fresh directory for one benchmark trial, under {@code -Dshepherd.bench.dir} (default: the JVM's
 * temp directory). Point it at the disk you mean to measure; the raw-disk reference and the log then
 * measure the same device.
 */
final class BenchDirectory {

    private BenchDirectory() {}

    static Path create(String name) {
        try {
            Path parent = Path.of(System.getProperty("shepherd.bench.dir", System.getProperty("java.io.tmpdir")));
            Files.createDirectories(parent);
            return Files.createTempDirectory(parent, name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void delete(Path directory) {
        if (directory == null || !Files.exists(directory)) {
            return;
        }
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
