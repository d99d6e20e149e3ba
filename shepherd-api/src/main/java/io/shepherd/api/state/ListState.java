package io.shepherd.api.state;

import java.util.List;

/** A list per key (or per subtask, as operator state). */
public interface ListState<T> {
    /** The elements, in insertion order; empty, never null, when nothing was added. */
    Iterable<T> get();

    void add(T value);

    /** Replaces the whole list. */
    void update(List<T> values);

    void clear();
}
