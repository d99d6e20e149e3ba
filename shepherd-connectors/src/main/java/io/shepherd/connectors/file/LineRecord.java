package io.shepherd.connectors.file;

import java.io.Serializable;

/**
 * A line of a file with where it came from, as {@link FileLineSource#records} emits it.
 *
 * @param path the file, as the source's path resolved to it
 * @param offset the byte offset of the line's first byte in the file
 * @param line the line's text without its terminator
 */
public record LineRecord(String path, long offset, String line) implements Serializable {}
