package io.shepherd.cli;

/**
 * A failure the user can fix by calling the command differently: a class that is not there, a jar
 * that does not exist. The message says what is wrong and what to do; the command prints it without
 * a stack trace and exits with {@link ExitCodes#USAGE}.
 */
public final class UserError extends RuntimeException {

    public UserError(String message) {
        super(message);
    }

    public UserError(String message, Throwable cause) {
        super(message, cause);
    }
}
