package io.shepherd.api.windowing;

import java.io.Serializable;

/** A window of event time, {@code [start, end)} in milliseconds. */
public record TimeWindow(long start, long end) implements Serializable {
    public TimeWindow {
        if (end <= start) {
            throw new IllegalArgumentException("window end " + end + " must be after start " + start);
        }
    }

    /** The largest timestamp inside the window; the window fires when the watermark reaches it. */
    public long maxTimestamp() {
        return end - 1;
    }
}
