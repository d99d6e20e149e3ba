package io.shepherd.connectors.file;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Writes text files of random lines, and remembers what a line reader must find in them: every
 * line with its file and byte offset. Lines mix ASCII, two-, three- and four-byte UTF-8, lone
 * {@code \r}s inside lines and empty lines; terminators are {@code \n} or {@code \r\n} at random; the
 * last line of a file may lack one; a few lines are long enough to cross the reader's buffer.
 */
final class RandomTextFiles {
    private static final String[] PIECES = {"a", "b", "z", "0", " ", "\t", "é", "ß", "中", "文", "😀", "\r", ","};

    private final SplittableRandom random;
    private final List<LineRecord> expected = new ArrayList<>();

    RandomTextFiles(SplittableRandom random) {
        this.random = random;
    }

    /** Writes a file of random lines; returns its path. */
    Path write(Path file, int maxLines, int longLineBytes) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int lines = random.nextInt(maxLines + 1);
        for (int i = 0; i < lines; i++) {
            String line = randomLine(longLineBytes);
            expected.add(new LineRecord(file.toString(), bytes.size(), line));
            bytes.writeBytes(line.getBytes(StandardCharsets.UTF_8));
            boolean last = i == lines - 1;
            if (last && !line.isEmpty() && random.nextBoolean()) {
                continue; // a final line without terminator (an empty one would not be a line at all)
            }
            bytes.writeBytes(random.nextBoolean() ? new byte[] {'\n'} : new byte[] {'\r', '\n'});
        }
        Files.write(file, bytes.toByteArray());
        return file;
    }

    /** Every line written so far, in file order and line order. */
    List<LineRecord> expected() {
        return expected;
    }

    /** The lines of one file, in order. */
    List<LineRecord> expectedIn(Path file) {
        return expected.stream().filter(line -> line.path().equals(file.toString())).toList();
    }

    private String randomLine(int longLineBytes) {
        int roll = random.nextInt(100);
        int length = roll < 15 ? 0 : roll < 97 ? random.nextInt(1, 60) : random.nextInt(longLineBytes / 4, longLineBytes);
        StringBuilder line = new StringBuilder();
        while (line.length() < length) {
            line.append(PIECES[random.nextInt(PIECES.length)]);
        }
        // A trailing \r would read as part of a \r\n terminator: the reader is right to drop it, so
        // the generator does not make such lines (a test of its own covers them).
        while (line.length() > 0 && line.charAt(line.length() - 1) == '\r') {
            line.setLength(line.length() - 1);
        }
        return line.toString();
    }
}
