package io.shepherd.api.source;

/** What a source reader says after a poll. */
public enum InputStatus {
    /** More records can be read right away. */
    MORE_AVAILABLE,
    /** Nothing to read now; the engine backs off and polls again later. */
    NOTHING_AVAILABLE,
    /** The input is exhausted; the reader is not polled again. */
    END_OF_INPUT
}
