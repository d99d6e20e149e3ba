package io.shepherd.cli.run;

import io.shepherd.common.io.Disk;
import io.shepherd.common.io.DiskFile;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Copies a savepoint out of the job's checkpoint directory into the directory the user keeps
 * savepoints in. Savepoints are portable (their metadata names state files relative to their own
 * directory), so the copy restores like the original. The original stays where the job's record of
 * its checkpoints expects it.
 *
 * <p>The copy appears whole or not at all: every file is written and forced under a temporary name,
 * and the directory is renamed into place last, then its parent synced.
 */
final class SavepointCopy {
    private static final String PARTIAL_SUFFIX = ".partial";

    private final Disk disk;

    SavepointCopy(Disk disk) {
        this.disk = disk;
    }

    /**
     * @return the copy: {@code target/<name of the savepoint>}, or that name with {@code -2}, {@code -3}
     *     ... when a savepoint of an earlier run already has it
     */
    Path copy(Path savepoint, Path target) throws IOException {
        disk.createDirectories(target);
        Path copy = freeName(target, savepoint.getFileName().toString());
        Path partial = partialOf(copy);
        disk.createDirectories(partial);
        for (Path file : disk.list(savepoint)) {
            ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(file));
            try (DiskFile out = disk.create(partial.resolve(file.getFileName()))) {
                out.write(bytes, 0);
                out.force(true);
            }
        }
        disk.syncDirectory(partial);
        disk.rename(partial, copy);
        disk.syncDirectory(target);
        return copy;
    }

    private Path freeName(Path target, String name) throws IOException {
        Path candidate = target.resolve(name);
        for (int n = 2; disk.exists(candidate) || disk.exists(partialOf(candidate)); n++) {
            candidate = target.resolve(name + "-" + n);
        }
        return candidate;
    }

    private static Path partialOf(Path copy) {
        return copy.resolveSibling(copy.getFileName() + PARTIAL_SUFFIX);
    }
}
