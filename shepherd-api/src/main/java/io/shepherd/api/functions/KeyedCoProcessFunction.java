package io.shepherd.api.functions;

import java.io.Serializable;

/**
 * A function over two keyed streams connected by the same key (a join, an enrichment, a rule
 * stream and a data stream): records of either input run with their key current, so both inputs
 * share that key's state and timers.
 */
public abstract class KeyedCoProcessFunction<K, I1, I2, O> implements RichFunction, Serializable {

    public abstract void processElement1(I1 value, KeyedProcessFunction.Context<K> context, Collector<O> out)
            throws Exception;

    public abstract void processElement2(I2 value, KeyedProcessFunction.Context<K> context, Collector<O> out)
            throws Exception;

    /** Called when a timer registered through {@link TimerService} fires. */
    public void onTimer(long timestamp, KeyedProcessFunction.OnTimerContext<K> context, Collector<O> out)
            throws Exception {}
}
