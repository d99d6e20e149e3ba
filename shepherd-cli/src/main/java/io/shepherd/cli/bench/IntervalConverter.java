package io.shepherd.cli.bench;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Parses a checkpoint interval: {@code off} (or {@code 0}), {@code <n>ms} or {@code <n>s}. */
final class IntervalConverter implements ITypeConverter<Duration> {
    private static final Pattern AMOUNT = Pattern.compile("(\\d+)(ms|s)");

    @Override
    public Duration convert(String value) {
        if (value.equals("off") || value.equals("0")) {
            return Duration.ZERO;
        }
        Matcher matcher = AMOUNT.matcher(value);
        if (!matcher.matches()) {
            throw new TypeConversionException("'" + value + "' is not a checkpoint interval; use off, <n>ms or <n>s");
        }
        long amount = Long.parseLong(matcher.group(1));
        return matcher.group(2).equals("s") ? Duration.ofSeconds(amount) : Duration.ofMillis(amount);
    }
}
