package io.shepherd.connectors.file;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a {@link FileSink} names its files. Writer incarnation {@code w} of subtask {@code s} writes the
 * parts {@code part-s-w-0}, {@code part-s-w-1}, ... where {@code w} is 16 hex digits drawn when the
 * writer is created, so that a restarted writer never collides with what an earlier one left behind.
 * A part goes through three names, the first two hidden (readers of the directory skip names that
 * start with a dot):
 *
 * <ul>
 *   <li>{@code .part-s-w-n.inprogress} while it is written;
 *   <li>{@code .part-s-w-n.pending} once it is complete and durable, until its checkpoint completes;
 *   <li>{@code part-s-w-n} once it is committed.
 * </ul>
 */
final class PartNames {
    private static final Pattern HIDDEN = Pattern.compile("\\.part-(\\d{1,9})-[0-9a-f]{16}-\\d{1,18}\\.(inprogress|pending)");

    private PartNames() {}

    static String committed(int subtask, String writerId, long number) {
        return "part-" + subtask + "-" + writerId + "-" + number;
    }

    static String inProgress(String committedName) {
        return "." + committedName + ".inprogress";
    }

    static String pending(String committedName) {
        return "." + committedName + ".pending";
    }

    /** Whether {@code fileName} is an in-progress or pending part of {@code subtask}: output not committed. */
    static boolean isUncommittedOf(int subtask, String fileName) {
        Matcher matcher = HIDDEN.matcher(fileName);
        return matcher.matches() && Integer.parseInt(matcher.group(1)) == subtask;
    }
}
