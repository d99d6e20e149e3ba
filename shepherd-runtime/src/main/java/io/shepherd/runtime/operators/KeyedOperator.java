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
    protected final KeyedStateBackend keys;
    protected final KeyedTimerService timers;

    @SuppressWarnings("unchecked")
    KeyedOperator(OperatorContext context, KeySelector<?, ?> keySelector) {
        super(context);
        this.keySelector = (KeySelector<Object, Object>) keySelector;
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
            keys.setCurrentKey(key != null ? key
                    : NullKeyException.requireKey(keySelector.getKey(record), context.operatorName(), record));
            processKeyed(record, timestamp);
        } catch (Exception e) {
            recordFailed(record, timestamp, e);
        }
    }

    /** Processes a record whose key is current. */
    protected abstract void processKeyed(Object record, long timestamp) throws Exception;

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
