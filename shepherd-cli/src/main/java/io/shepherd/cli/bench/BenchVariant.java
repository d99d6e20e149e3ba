package io.shepherd.cli.bench;

import io.shepherd.api.JobConfig;
import io.shepherd.api.checkpoint.CheckpointingMode;
import java.time.Duration;
import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * How the job under test is configured. The variants of one invocation are measured interleaved,
 * run by run, so that a change in the machine's load hits them alike.
 *
 * @param checkpointInterval zero for a job without checkpoints
 * @param acking whether the job runs in ack mode (docs/ack-mode.md); never together with checkpoints
 */
record BenchVariant(Duration checkpointInterval, CheckpointingMode mode, boolean acking) {

    BenchVariant(Duration checkpointInterval, CheckpointingMode mode) {
        this(checkpointInterval, mode, false);
    }

    /** The job in ack mode, without checkpoints. */
    static BenchVariant acked() {
        return new BenchVariant(Duration.ZERO, CheckpointingMode.ALIGNED, true);
    }

    boolean checkpoints() {
        return !checkpointInterval.isZero();
    }

    void configure(JobConfig config) {
        if (checkpoints()) {
            config.checkpointing().setInterval(checkpointInterval).setMode(mode);
        }
        if (acking) {
            config.acking().enable();
        }
    }

    /** The variant's fields of a result line. */
    String json() {
        if (acking) {
            return "\"checkpoint_interval_ms\":0,\"acking\":true";
        }
        if (!checkpoints()) {
            return "\"checkpoint_interval_ms\":0";
        }
        return String.format(Locale.ROOT, "\"checkpoint_interval_ms\":%d,\"checkpointing\":\"%s\"",
                checkpointInterval.toMillis(), label(mode));
    }

    static String label(CheckpointingMode mode) {
        return mode.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Parses {@code aligned}, {@code unaligned} or {@code at-least-once}. */
    static final class ModeConverter implements ITypeConverter<CheckpointingMode> {
        @Override
        public CheckpointingMode convert(String value) {
            for (CheckpointingMode mode : CheckpointingMode.values()) {
                if (label(mode).equals(value)) {
                    return mode;
                }
            }
            throw new TypeConversionException("unknown checkpointing mode '" + value
                    + "'; known: aligned, unaligned, at-least-once");
        }
    }
}
