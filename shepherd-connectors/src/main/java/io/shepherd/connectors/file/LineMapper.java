package io.shepherd.connectors.file;

import java.io.Serializable;

/** Turns a line read by a {@link FileLineSource} into the record the source emits. */
@FunctionalInterface
interface LineMapper<T> extends Serializable {
    T map(String path, long offset, String line);
}
