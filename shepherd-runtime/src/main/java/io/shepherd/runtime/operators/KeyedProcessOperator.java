package io.shepherd.runtime.operators;

import io.shepherd.api.ack.Anchoring;
import io.shepherd.api.functions.KeySelector;
import io.shepherd.api.functions.KeyedCoProcessFunction;
import io.shepherd.api.functions.KeyedProcessFunction;
import io.shepherd.runtime.timers.KeyedTimerService;
import io.shepherd.runtime.timers.Timer;

/**
 * Runs a {@link KeyedProcessFunction}, or a {@link KeyedCoProcessFunction} over two inputs: keyed
 * state, timers, one context object reused for every call.
 */
final class KeyedProcessOperator extends KeyedOperator implements KeyedProcessFunction.OnTimerContext<Object> {
    /** Exactly one of the two is set. */
    private final KeyedProcessFunction<Object, Object, Object> function;
    private final KeyedCoProcessFunction<Object, Object, Object, Object> coFunction;
    private final TimestampedCollector collector = new TimestampedCollector(this);
    private final OperatorAnchoring anchoring;
    private long timestamp = NO_TIMESTAMP;
    private KeyedProcessFunction.TimeDomain timeDomain;

    @SuppressWarnings("unchecked")
    KeyedProcessOperator(OperatorContext context, KeySelector<?, ?> keySelector, KeyedProcessFunction<?, ?, ?> function) {
        super(context, keySelector);
        this.function = (KeyedProcessFunction<Object, Object, Object>) function;
        this.coFunction = null;
        this.anchoring = new OperatorAnchoring(collector, context);
    }

    @SuppressWarnings("unchecked")
    KeyedProcessOperator(OperatorContext context, KeySelector<?, ?> firstKeySelector, KeySelector<?, ?> secondKeySelector,
            KeyedCoProcessFunction<?, ?, ?, ?> coFunction) {
        super(context, firstKeySelector, secondKeySelector);
        this.function = null;
        this.coFunction = (KeyedCoProcessFunction<Object, Object, Object, Object>) coFunction;
        this.anchoring = new OperatorAnchoring(collector, context);
    }

    @Override
    public void open() throws Exception {
        openFunction(function != null ? function : coFunction);
    }

    @Override
    protected void processKeyed(Object record, long timestamp) throws Exception {
        enterRecord(timestamp);
        if (function != null) {
            function.processElement(record, this, collector);
        } else {
            coFunction.processElement1(record, this, collector);
        }
    }

    @Override
    protected void processKeyed2(Object record, long timestamp) throws Exception {
        enterRecord(timestamp);
        coFunction.processElement2(record, this, collector);
    }

    private void enterRecord(long timestamp) {
        this.timestamp = timestamp;
        this.timeDomain = null;
        collector.setTimestamp(timestamp);
    }

    @Override
    protected void onTimer(Timer timer, boolean eventTime) throws Exception {
        this.timestamp = timer.timestamp();
        this.timeDomain = eventTime ? KeyedProcessFunction.TimeDomain.EVENT_TIME
                : KeyedProcessFunction.TimeDomain.PROCESSING_TIME;
        // Output of an event-time timer carries its time; a processing-time timer's output has no event time.
        collector.setTimestamp(eventTime ? timer.timestamp() : NO_TIMESTAMP);
        if (function != null) {
            function.onTimer(timer.timestamp(), this, collector);
        } else {
            coFunction.onTimer(timer.timestamp(), this, collector);
        }
    }

    @Override
    public void close() throws Exception {
        closeFunction(function != null ? function : coFunction);
    }

    @Override
    public long timestamp() {
        return timestamp;
    }

    @Override
    public Object currentKey() {
        return keys.currentKey();
    }

    @Override
    public KeyedTimerService timerService() {
        return timers;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <O> Anchoring<O> anchoring() {
        return (Anchoring<O>) anchoring;
    }

    @Override
    public KeyedProcessFunction.TimeDomain timeDomain() {
        return timeDomain;
    }
}
