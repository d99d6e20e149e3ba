package io.shepherd.cli.demo;

import java.util.Arrays;
import java.util.stream.Collectors;

/** A choice of the demo's command line, named there and in the JSON report by its label. */
interface Labeled {
    /** The name used on the command line and in the JSON report. */
    String label();

    /**
     * The choice labeled {@code text}, ignoring case.
     *
     * @param option the option it was given to, for the error message
     * @throws IllegalArgumentException naming the choices when none has that label
     */
    static <E extends Enum<E> & Labeled> E parse(E[] choices, String option, String text) {
        for (E choice : choices) {
            if (choice.label().equalsIgnoreCase(text)) {
                return choice;
            }
        }
        throw new IllegalArgumentException(option + " must be one of " + labels(choices) + ", got '" + text + "'");
    }

    /** The labels of {@code choices}, comma-separated, for help and error messages. */
    static String labels(Labeled[] choices) {
        return Arrays.stream(choices).map(Labeled::label).collect(Collectors.joining(", "));
    }
}
