package io.shepherd.runtime;

/** How records are shown in errors and logs: bounded, so a huge record cannot flood a log. */
public final class Records {
    private static final int MAX_CHARS = 200;

    private Records() {}

    public static String describe(Object record) {
        String text;
        try {
            text = String.valueOf(record);
        } catch (RuntimeException e) {
            text = record.getClass().getName() + " (toString failed: " + e + ")";
        }
        return text.length() <= MAX_CHARS ? text : text.substring(0, MAX_CHARS) + "... (" + text.length() + " chars)";
    }
}
