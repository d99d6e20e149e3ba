package io.shepherd.api.windowing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Overlapping windows of a fixed size that start every {@code slide}; a record is in size/slide of them. */
public final class SlidingEventTimeWindows implements WindowAssigner {
    private final long sizeMs;
    private final long slideMs;

    private SlidingEventTimeWindows(long sizeMs, long slideMs) {
        if (sizeMs <= 0 || slideMs <= 0) {
            throw new IllegalArgumentException(
                    "window size and slide must be positive, got size " + sizeMs + " ms, slide " + slideMs + " ms");
        }
        this.sizeMs = sizeMs;
        this.slideMs = slideMs;
    }

    public static SlidingEventTimeWindows of(Duration size, Duration slide) {
        return new SlidingEventTimeWindows(size.toMillis(), slide.toMillis());
    }

    @Override
    public List<TimeWindow> assignWindows(long timestamp) {
        List<TimeWindow> windows = new ArrayList<>((int) Math.min(64, sizeMs / slideMs + 1));
        long lastStart = WindowStarts.windowStart(timestamp, 0, slideMs);
        for (long start = lastStart; start > timestamp - sizeMs; start -= slideMs) {
            windows.add(new TimeWindow(start, start + sizeMs));
        }
        return windows;
    }
}
