package io.shepherd.cli.demo;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as the command line writes them: a whole number and a unit, {@code 200ms} or {@code 2s}. */
final class Durations {
    private static final Pattern TEXT = Pattern.compile("(\\d{1,9})\\s*(ms|s)");

    /** Largest first, so that {@link #format} picks the shortest way to write a duration. */
    private enum Unit {
        SECONDS("s", 1_000),
        MILLIS("ms", 1);

        final String suffix;
        final long millis;

        Unit(String suffix, long millis) {
            this.suffix = suffix;
            this.millis = millis;
        }
    }

    private Durations() {}

    /** @throws IllegalArgumentException saying what is expected when {@code text} is not a duration */
    static Duration parse(String option, String text) {
        Matcher matcher = TEXT.matcher(text.strip());
        if (matcher.matches()) {
            for (Unit unit : Unit.values()) {
                if (unit.suffix.equals(matcher.group(2))) {
                    return Duration.ofMillis(Long.parseLong(matcher.group(1)) * unit.millis);
                }
            }
        }
        throw new IllegalArgumentException(option + " must be a whole number with a unit, ms or s, e.g. 200ms; "
                + "got '" + text + "'");
    }

    /** The shortest text {@link #parse} reads back as {@code duration}, to the ms: {@code 200ms}, {@code 2s}. */
    static String format(Duration duration) {
        long millis = duration.toMillis();
        for (Unit unit : Unit.values()) {
            if (millis != 0 && millis % unit.millis == 0) {
                return millis / unit.millis + unit.suffix;
            }
        }
        return "0ms";
    }
}
