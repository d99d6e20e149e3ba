package io.shepherd.connectors.file;

import java.io.Serializable;

/**
 * Turns a record into the text of one line for a {@link FileSink}. The text must not contain a line
 * break ({@code \n} or {@code \r}): a record that formats to one is refused, so that every line of
 * the output is one record and a {@link FileLineSource} reads back exactly what was written.
 */
@FunctionalInterface
public interface LineFormatter<T> extends Serializable {
    String format(T record);
}
