package io.shepherd.api.internal;

import io.shepherd.api.functions.Collector;
import io.shepherd.api.windowing.ProcessWindowFunction;
import io.shepherd.api.windowing.TimeWindow;

/** Emits a window's aggregate result as it is. */
public final class EmitResult<R, K> implements ProcessWindowFunction<R, R, K> {
    @Override
    public void process(K key, TimeWindow window, Iterable<R> results, Collector<R> out) {
        for (R result : results) {
            out.collect(result);
        }
    }
}
