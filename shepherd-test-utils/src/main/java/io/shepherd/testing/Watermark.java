package io.shepherd.testing;

/**
 * A watermark: the promise that no record with an event timestamp at or below it follows.
 * {@link Long#MAX_VALUE} is the final watermark, which marks the end of the input.
 */
public record Watermark(long timestamp) implements StreamItem {

    public boolean isFinal() {
        return timestamp == Long.MAX_VALUE;
    }

    @Override
    public String toString() {
        return "watermark(" + (isFinal() ? "end of input" : String.valueOf(timestamp)) + ")";
    }
}
