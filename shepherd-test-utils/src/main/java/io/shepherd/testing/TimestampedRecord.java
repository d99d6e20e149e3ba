package io.shepherd.testing;

import io.shepherd.runtime.Records;
import io.shepherd.runtime.operators.StreamOperator;

/**
 * A record and its event timestamp. Equal when value and timestamp are equal, so expected output
 * can be compared with {@code equals}.
 *
 * @param value the record
 * @param timestamp its event time in milliseconds, or {@link StreamOperator#NO_TIMESTAMP} when it has none
 */
public record TimestampedRecord(Object value, long timestamp) implements StreamItem {

    public boolean hasTimestamp() {
        return timestamp != StreamOperator.NO_TIMESTAMP;
    }

    @Override
    public String toString() {
        return "record(" + Records.describe(value) + (hasTimestamp() ? " @" + timestamp : "") + ")";
    }
}
