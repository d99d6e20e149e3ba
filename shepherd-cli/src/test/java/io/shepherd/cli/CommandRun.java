package io.shepherd.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/**
 * One run of the {@code shepherd} command in this JVM, as a test sees it: exit code, stdout, stderr.
 */
public record CommandRun(int exitCode, String out, String err) {

    public static CommandRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        var commandLine = Shepherd.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int exitCode = commandLine.execute(args);
        return new CommandRun(exitCode, out.toString(), err.toString());
    }

    /** The last non-empty line of stdout. */
    public String lastOutLine() {
        String[] lines = out.strip().split("\\R");
        return lines[lines.length - 1];
    }

    @Override
    public String toString() {
        return "exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
    }
}
