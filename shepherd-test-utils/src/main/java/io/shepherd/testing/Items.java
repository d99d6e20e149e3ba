package io.shepherd.testing;

import io.shepherd.runtime.operators.StreamOperator;

/**
 * Factories for the steps a test feeds an operator and the items it expects back. Meant for a
 * static import:
 *
 * <pre>{@code
 * import static io.shepherd.testing.Items.*;
 *
 * harness.processElement("a", 10);
 * assertThat(harness.output()).containsExactly(record("A", 10));
 * }</pre>
 */
public final class Items {
    private Items() {}

    /** A record without an event timestamp, as from a stream that has none. */
    public static TimestampedRecord record(Object value) {
        return new TimestampedRecord(value, StreamOperator.NO_TIMESTAMP);
    }

    /** A record with its event timestamp in milliseconds. */
    public static TimestampedRecord record(Object value, long timestamp) {
        return new TimestampedRecord(value, timestamp);
    }

    public static Watermark watermark(long timestamp) {
        return new Watermark(timestamp);
    }

    /** Moves the processing-time clock to {@code timeMs}; only meaningful as an input step. */
    public static ProcessingTime processingTime(long timeMs) {
        return new ProcessingTime(timeMs);
    }
}
