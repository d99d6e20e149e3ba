package io.shepherd.runtime.operators;

import io.shepherd.api.functions.KeySelector;
import io.shepherd.runtime.partition.NullKeyException;
import io.shepherd.runtime.state.KeyedStateBackend;
import io.shepherd.runtime.timers.KeyedTimerService;
import io.shepherd.runtime.timers.Timer;
import io.shepherd.runtime.timers.TimerQueue;

/**
 * An operator on a keyed stream: sets the record's key current before processing it, and fires
 * timers with their key current — event-time timers as the watermark passes them, processing-time
 * timers as the clock does.
 *
 * <p>Public (its constructor is not) so that tools outside the runtime, such as the operator test
 * harness, can reach an operator's {@link #timerService()}.
 */
public abstract class KeyedOperator extends StreamOperator {
    private final KeySelector<Object, Object> keySelector;
    /** The second input's key selector, for an operator with two inputs; else null. */
    private final KeySelector<Object, Object> secondKeySelector;
    protected final KeyedStateBackend keys;
    protected final KeyedTimerService timers;

    KeyedOperator(OperatorContext context, KeySelector<?, ?> keySelector) {
        this(context, keySelector, null);
    }

    @SuppressWarnings("unchecked")
    KeyedOperator(OperatorContext context, KeySelector<?, ?> keySelector, KeySelector<?, ?> secondKeySelector) {
        super(context);
        this.keySelector = (KeySelector<Object, Object>) keySelector;
        this.secondKeySelector = (KeySelector<Object, Object>) secondKeySelector;
        this.keys = context.keyedState();
        this.timers = new KeyedTimerService(keys, context.clock());
    }

    @Override
    public final void processElement(Object record, long timestamp) {
        processKeyedElement(record, timestamp, null);
    }

    /** Uses the key the sender computed with the same key selector, or computes it when there is none. */
    @Override
    public final void processKeyedElement(Object record, long timestamp, Object key) {
        context.counters().recordsIn++;
        try {
            keys.setCurrentKey(key != null ? key : keyOf(keySelector, record));
            processKeyed(record, timestamp);
        } catch (Exception e) {
            recordFailed(record, timestamp, e);
        }
    }

    @Override
    public final void processKeyedElement2(Object record, long timestamp, Object key) {
        if (secondKeySelector == null) {
            super.processKeyedElement2(record, timestamp, key);
        }
        context.counters().recordsIn++;
        try {
            keys.setCurrentKey(key != null ? key : keyOf(secondKeySelector, record));
            processKeyed2(record, timestamp);
        } catch (Exception e) {
            recordFailed(record, timestamp, e);
        }
    }

    private Object keyOf(KeySelector<Object, Object> selector, Object record) throws Exception {
        return NullKeyException.requireKey(selector.getKey(record), context.operatorName(), record);
    }

    /** Processes a record whose key is current. */
    protected abstract void processKeyed(Object record, long timestamp) throws Exception;

    /** Processes a record of the second input whose key is current; for operators with two inputs. */
    protected void processKeyed2(Object record, long timestamp) throws Exception {
        throw new IllegalStateException(this + " has no second input");
    }

    /** A timer of the current key fired. */
    protected abstract void onTimer(Timer timer, boolean eventTime) throws Exception;

    @Override
    public void processWatermark(long watermark) {
        timers.advanceWatermark(watermark);
        fireDue(timers.eventTimers(), watermark, true);
        emitWatermark(watermark);
    }

    @Override
    public void onProcessingTime(long nowMs) {
        fireDue(timers.processingTimers(), nowMs, false);
    }

    public KeyedTimerService timerService() {
        return timers;
    }

    @Override
    protected KeyedTimerService checkpointedTimers() {
        return timers;
    }

    private void fireDue(TimerQueue queue, long time, boolean eventTime) {
        for (Timer timer = queue.pollDue(time); timer != null; timer = queue.pollDue(time)) {
            keys.setCurrentKey(timer.key());
            try {
                onTimer(timer, eventTime);
            } catch (Exception e) {
                // What failed is the timer, not a record: name it in plain text, which any dead-letter sink can keep.
                recordFailed((eventTime ? "event-time" : "processing-time") + " timer at " + timer.timestamp()
                        + " for key " + timer.key(), timer.timestamp(), e);
            }
        }
    }
}
