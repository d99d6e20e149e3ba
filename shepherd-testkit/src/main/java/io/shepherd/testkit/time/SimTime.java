package io.shepherd.testkit.time;

import java.util.Locale;

/**
 * Units and formatting for simulated time, which the kit keeps as {@code long} nanoseconds.
 *
 * <p>Every simulated instant is printed the same way, {@code t=12.345678ms}: milliseconds with all six
 * fractional digits, so that two instants that differ by a nanosecond never print alike and a time
 * read off a failure report can be typed back into a test.
 */
public final class SimTime {

    private SimTime() {}

    /** {@code count} microseconds in nanoseconds. */
    public static long micros(long count) {
        return Math.multiplyExact(count, 1_000L);
    }

    /** {@code count} milliseconds in nanoseconds. */
    public static long millis(long count) {
        return Math.multiplyExact(count, 1_000_000L);
    }

    /** {@code count} seconds in nanoseconds. */
    public static long seconds(long count) {
        return Math.multiplyExact(count, 1_000_000_000L);
    }

    /** An instant as {@code t=<ms>.<6 digits>ms}; {@link Long#MAX_VALUE} prints as {@code t=never}. */
    public static String format(long timeNs) {
        return "t=" + formatDuration(timeNs);
    }

    /** A duration as {@code <ms>.<6 digits>ms}; {@link Long#MAX_VALUE} prints as {@code never}. */
    public static String formatDuration(long durationNs) {
        if (durationNs == Long.MAX_VALUE) {
            return "never";
        }
        String sign = durationNs < 0 ? "-" : "";
        long abs = Math.absExact(durationNs);
        long fraction = abs % 1_000_000L;
        return sign + (abs / 1_000_000L) + "." + String.format(Locale.ROOT, "%06d", fraction) + "ms";
    }
}
