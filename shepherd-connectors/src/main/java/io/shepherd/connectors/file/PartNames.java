package io.shepherd.connectors.file;

import io.shepherd.common.io.Disk;
import java.io.IOException;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a {@link FileSink} names its files. Subtask {@code s} writes the parts {@code part-s-0},
 * {@code part-s-1}, ... A part is written under an in-progress name, {@code .part-s-n.inprogress}
 * (hidden, so readers of the directory skip it), and renamed to its final name when it is committed.
 */
final class PartNames {
    private static final Pattern PART = Pattern.compile("\\.?part-(\\d{1,9})-(\\d{1,18})(\\.inprogress)?");

    private PartNames() {}

    static String committed(int subtask, long number) {
        return "part-" + subtask + "-" + number;
    }

    static String inProgress(String committedName) {
        return "." + committedName + ".inprogress";
    }

    /**
     * The first part number of {@code subtask} not used in {@code directory} by a committed or an
     * in-progress part, so that a new writer never overwrites the output of an earlier run.
     */
    static long firstFree(Disk disk, Path directory, int subtask) throws IOException {
        long next = 0;
        for (Path entry : disk.list(directory)) {
            Matcher matcher = PART.matcher(entry.getFileName().toString());
            if (matcher.matches() && Integer.parseInt(matcher.group(1)) == subtask) {
                next = Math.max(next, Long.parseLong(matcher.group(2)) + 1);
            }
        }
        return next;
    }
}
