package io.shepherd.wal;

/**
 * When an appended record counts as durable, and so when its future completes.
 *
 * <ul>
 *   <li>{@link #SYNC} — after a force that covers it. Concurrent appends share forces (group commit): the
 *       writer thread writes everything queued, and a force thread forces once for everything written
 *       before the force began, then acknowledges it all.
 *   <li>{@link #interval(long) interval(ms)} — after the periodic force, which runs at most every
 *       {@code ms} milliseconds while there is unforced data. A crash loses at most that window.
 *   <li>{@link #NONE} — as soon as the bytes are handed to the operating system, which writes them back
 *       when it likes. Survives a process crash, not a power loss.
 * </ul>
 *
 * @param kind which of the three
 * @param intervalMillis the force interval for {@link Kind#INTERVAL}, else 0
 */
public record SyncPolicy(Kind kind, long intervalMillis) {

    public enum Kind { SYNC, INTERVAL, NONE }

    public static final SyncPolicy SYNC = new SyncPolicy(Kind.SYNC, 0);
    public static final SyncPolicy NONE = new SyncPolicy(Kind.NONE, 0);

    public SyncPolicy {
        if (kind == null) {
            throw new IllegalArgumentException("kind is required");
        }
        if ((kind == Kind.INTERVAL) != (intervalMillis > 0)) {
            throw new IllegalArgumentException("an interval policy needs an interval > 0 ms and only it has one; got "
                    + kind + " with " + intervalMillis + " ms");
        }
    }

    /** Force at most every {@code millis} milliseconds; appends complete at the force that covers them. */
    public static SyncPolicy interval(long millis) {
        return new SyncPolicy(Kind.INTERVAL, millis);
    }

    /**
     * Parses the command-line spelling: {@code always}, {@code interval=<ms>} or {@code never}.
     *
     * @throws IllegalArgumentException with the accepted spellings if it is none of them
     */
    public static SyncPolicy parse(String text) {
        String s = text.trim();
        if (s.equals("always")) {
            return SYNC;
        }
        if (s.equals("never")) {
            return NONE;
        }
        if (s.startsWith("interval=")) {
            try {
                long ms = Long.parseLong(s.substring("interval=".length()));
                if (ms > 0) {
                    return interval(ms);
                }
            } catch (NumberFormatException ignored) {
                // falls through to the error below
            }
        }
        throw new IllegalArgumentException("sync policy '" + text
                + "' is not one of: always, interval=<milliseconds > 0>, never");
    }

    @Override
    public String toString() {
        return switch (kind) {
            case SYNC -> "always";
            case NONE -> "never";
            case INTERVAL -> "interval=" + intervalMillis;
        };
    }
}
