package io.shepherd.connectors.file;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Finds the files a {@link FileLineSource} reads and splits them over subtasks. A path to a file is
 * that one file; a path to a directory is every regular file directly in it, sorted by name,
 * except hidden ones (names starting with a dot, such as the in-progress files of a
 * {@link FileSink}). Subtask {@code s} of {@code n} takes the files at positions
 * {@code s, s+n, s+2n, ...} of that list.
 */
final class SourceFiles {
    private SourceFiles() {}

    /** The files under {@code root}, sorted by name; fails with a message naming the path if there is none. */
    static List<Path> list(Path root) throws IOException {
        if (Files.isRegularFile(root)) {
            return List.of(root);
        }
        if (!Files.exists(root)) {
            throw new NoSuchFileException(root.toString(), null, "file line source: input path does not exist"
                    + " (relative paths resolve against " + Path.of("").toAbsolutePath() + ")");
        }
        if (!Files.isDirectory(root)) {
            throw new IOException("file line source: input path '" + root
                    + "' is neither a regular file nor a directory; give a file or a directory of files");
        }
        List<Path> files = new ArrayList<>();
        try (Stream<Path> entries = Files.list(root)) {
            entries.filter(file -> !file.getFileName().toString().startsWith("."))
                    .filter(Files::isRegularFile)
                    .forEach(files::add);
        } catch (AccessDeniedException e) {
            throw new IOException("file line source: cannot list directory '" + root + "': permission denied", e);
        } catch (UncheckedIOException e) {
            throw new IOException("file line source: cannot list directory '" + root + "': " + e.getCause(), e);
        }
        files.sort(Comparator.comparing(file -> file.getFileName().toString()));
        return files;
    }

    /** The files of subtask {@code subtask} of {@code parallelism}, in order. */
    static List<Path> share(List<Path> files, int subtask, int parallelism) {
        List<Path> share = new ArrayList<>();
        for (int i = subtask; i < files.size(); i += parallelism) {
            share.add(files.get(i));
        }
        return share;
    }
}
