package io.shepherd.api.windowing;

/** Window arithmetic shared by the assigners. */
final class WindowStarts {
    private WindowStarts() {}

    /** The start of the window of {@code size} (shifted by {@code offset}) that holds the timestamp; floors negatives. */
    static long windowStart(long timestamp, long offset, long size) {
        return timestamp - Math.floorMod(timestamp - offset, size);
    }
}
