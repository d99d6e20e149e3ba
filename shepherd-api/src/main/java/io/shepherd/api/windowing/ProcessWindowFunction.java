package io.shepherd.api.windowing;

import io.shepherd.api.functions.Collector;
import java.io.Serializable;

/** Sees all records of a key's window at once when it fires. The window keeps every record until then. */
@FunctionalInterface
public interface ProcessWindowFunction<T, R, K> extends Serializable {
    void process(K key, TimeWindow window, Iterable<T> elements, Collector<R> out) throws Exception;
}
