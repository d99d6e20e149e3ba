package io.shepherd.connectors.file;

import java.io.Serializable;

/**
 * What committing one pre-committed part of a {@link FileSink} takes: its final name in the sink's
 * directory (the pending file is the same name, hidden, with {@code .pending}), and its length, which
 * the commit checks so that a damaged pending file is reported rather than published.
 *
 * @param name the part's committed file name, e.g. {@code part-0-5f0c8a1e2b3d4c6f-3}
 * @param bytes the part's length in bytes
 */
public record PendingPart(String name, long bytes) implements Serializable {

    public PendingPart {
        if (name == null || name.isEmpty() || name.startsWith(".") || name.contains("/")) {
            throw new IllegalArgumentException("a part's committed name must be a plain file name, got '" + name + "'");
        }
        if (bytes < 0) {
            throw new IllegalArgumentException("part '" + name + "' cannot have a negative length: " + bytes);
        }
    }
}
