package io.shepherd.api.time;

import java.io.Serializable;
import java.time.Duration;
import java.util.Objects;

/**
 * How a stream's records get event timestamps and how watermarks are derived from them.
 *
 * <p>Watermarks are bounded out-of-orderness: after a batch of records the watermark becomes the
 * largest timestamp seen minus the bound (minus one), so a record may arrive up to the bound late
 * without being dropped as late. At the end of a bounded input the watermark jumps to
 * {@link Long#MAX_VALUE}, which fires every pending event-time timer and window.
 */
public final class WatermarkStrategy<T> implements Serializable {
    private final TimestampAssigner<T> assigner;
    private final long maxOutOfOrdernessMs;

    private WatermarkStrategy(TimestampAssigner<T> assigner, long maxOutOfOrdernessMs) {
        this.assigner = Objects.requireNonNull(assigner, "timestamp assigner");
        if (maxOutOfOrdernessMs < 0) {
            throw new IllegalArgumentException("out-of-orderness bound must be >= 0, got " + maxOutOfOrdernessMs);
        }
        this.maxOutOfOrdernessMs = maxOutOfOrdernessMs;
    }

    /** Timestamps never decrease; the watermark follows the largest timestamp. */
    public static <T> WatermarkStrategy<T> forMonotonousTimestamps(TimestampAssigner<T> assigner) {
        return new WatermarkStrategy<>(assigner, 0);
    }

    /** Records may be up to {@code bound} later than the largest timestamp seen. */
    public static <T> WatermarkStrategy<T> forBoundedOutOfOrderness(Duration bound, TimestampAssigner<T> assigner) {
        return new WatermarkStrategy<>(assigner, bound.toMillis());
    }

    public TimestampAssigner<T> assigner() {
        return assigner;
    }

    public long maxOutOfOrdernessMs() {
        return maxOutOfOrdernessMs;
    }
}
