package io.shepherd.cli.bench;

import io.shepherd.cli.run.DurationConverter;
import java.time.Duration;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Parses a checkpoint interval: {@code off} (or {@code 0}), or a duration such as {@code 500ms} or {@code 1s}. */
final class IntervalConverter implements ITypeConverter<Duration> {
    private final DurationConverter durations = new DurationConverter();

    @Override
    public Duration convert(String value) {
        if (value.equals("off") || value.equals("0")) {
            return Duration.ZERO;
        }
        try {
            return durations.convert(value);
        } catch (TypeConversionException notADuration) {
            throw new TypeConversionException("'" + value + "' is not a checkpoint interval; use off or a duration"
                    + " such as 500ms, 10s or 2m");
        }
    }
}
