package io.shepherd.wal;

import java.nio.file.Path;

/**
 * Names of the files in a log directory: a segment is {@code <base position, 20 digits>.wal}, so that
 * names sort in log order, and a segment being created is {@code <name>.tmp} until its header is durable.
 * Other files in the directory are ignored.
 */
final class SegmentFiles {

    static final String SUFFIX = ".wal";
    static final String TEMP_SUFFIX = ".wal.tmp";
    private static final int DIGITS = 20;

    private SegmentFiles() {}

    static Path path(Path directory, long base) {
        return directory.resolve(name(base));
    }

    static Path tempPath(Path directory, long base) {
        return directory.resolve(name(base) + ".tmp");
    }

    static String name(long base) {
        return String.format("%0" + DIGITS + "d", base) + SUFFIX;
    }

    /** The base position a segment file name stands for, or -1 if it is not a segment name. */
    static long parseBase(String fileName) {
        if (fileName.length() != DIGITS + SUFFIX.length() || !fileName.endsWith(SUFFIX)) {
            return -1;
        }
        for (int i = 0; i < DIGITS; i++) {
            if (!Character.isDigit(fileName.charAt(i))) {
                return -1;
            }
        }
        try {
            return Long.parseLong(fileName.substring(0, DIGITS));
        } catch (NumberFormatException tooLarge) {
            return -1;
        }
    }

    static boolean isTemp(String fileName) {
        return fileName.endsWith(TEMP_SUFFIX) && parseBase(fileName.substring(0, fileName.length() - 4)) >= 0;
    }

    /** The file offset of a position inside the segment that starts at {@code base}. */
    static long offsetOf(long position, long base) {
        return position - base + SegmentHeader.BYTES;
    }

    /** The position at a file offset inside the segment that starts at {@code base}. */
    static long positionAt(long offset, long base) {
        return base + offset - SegmentHeader.BYTES;
    }
}
