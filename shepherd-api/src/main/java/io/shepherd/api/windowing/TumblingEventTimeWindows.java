package io.shepherd.api.windowing;

import java.time.Duration;
import java.util.List;

/** Back-to-back windows of a fixed size, aligned to the epoch (plus an optional offset). */
public final class TumblingEventTimeWindows implements WindowAssigner {
    private final long sizeMs;
    private final long offsetMs;

    private TumblingEventTimeWindows(long sizeMs, long offsetMs) {
        if (sizeMs <= 0) {
            throw new IllegalArgumentException("window size must be positive, got " + sizeMs + " ms");
        }
        if (offsetMs < 0 || offsetMs >= sizeMs) {
            throw new IllegalArgumentException("window offset must be in [0, size), got " + offsetMs + " ms");
        }
        this.sizeMs = sizeMs;
        this.offsetMs = offsetMs;
    }

    public static TumblingEventTimeWindows of(Duration size) {
        return new TumblingEventTimeWindows(size.toMillis(), 0);
    }

    public static TumblingEventTimeWindows of(Duration size, Duration offset) {
        return new TumblingEventTimeWindows(size.toMillis(), offset.toMillis());
    }

    @Override
    public List<TimeWindow> assignWindows(long timestamp) {
        long start = WindowStarts.windowStart(timestamp, offsetMs, sizeMs);
        return List.of(new TimeWindow(start, start + sizeMs));
    }
}
