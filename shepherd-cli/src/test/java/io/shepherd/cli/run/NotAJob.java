package io.shepherd.cli.run;

/** Neither a Job nor a class with a main method. */
public final class NotAJob {
    public static void main() {}
}
