package io.shepherd.bench.compare;

import java.io.Serializable;

/** How a sink reads one of its records into its {@link SinkTally}; the engines' sinks share it. */
@FunctionalInterface
interface Reading<T> extends Serializable {
    void read(T record, SinkTally tally);
}
