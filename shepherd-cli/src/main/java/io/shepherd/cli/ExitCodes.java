package io.shepherd.cli;

/** What the {@code shepherd} command's exit codes mean; scripts and CI rely on them. */
public final class ExitCodes {
    /** Everything asked for was done, and checked where there was something to check. */
    public static final int OK = 0;

    /** A job failed, or the demo's verification found lost, doubled or wrong output. */
    public static final int FAILED = 1;

    /** The command line or its input was wrong (picocli uses 2 for unknown options too). */
    public static final int USAGE = 2;

    private ExitCodes() {}
}
