package io.shepherd.connectors.file;

import java.io.Serializable;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Where a {@link FileSinkWriter} gets the id that makes its part names unique: 16 hex digits, random by
 * default. 64 random bits make a clash between two incarnations of one subtask negligible; a test
 * supplies a deterministic sequence so that a failing seed replays.
 */
@FunctionalInterface
interface WriterIds extends Serializable {

    /** The id for a new writer: exactly 16 lower-case hex digits. */
    String next();

    static WriterIds random() {
        return () -> hex(ThreadLocalRandom.current().nextLong());
    }

    static String hex(long value) {
        return String.format("%016x", value);
    }
}
