package io.shepherd.runtime.timers;

import io.shepherd.api.time.TimerService;
import io.shepherd.common.Clock;
import io.shepherd.runtime.state.KeyedStateBackend;

/**
 * Timers of one keyed operator subtask, each scoped to the key current when it was registered.
 * The operator fires them: event-time timers as the watermark advances, processing-time timers
 * when the task checks the clock.
 */
public final class KeyedTimerService implements TimerService {
    private final KeyedStateBackend keys;
    private final Clock clock;
    private final TimerQueue eventTimers = new TimerQueue();
    private final TimerQueue processingTimers = new TimerQueue();
    private long currentWatermark = Long.MIN_VALUE;

    public KeyedTimerService(KeyedStateBackend keys, Clock clock) {
        this.keys = keys;
        this.clock = clock;
    }

    @Override
    public long currentProcessingTime() {
        return clock.currentTimeMillis();
    }

    @Override
    public long currentWatermark() {
        return currentWatermark;
    }

    public void advanceWatermark(long watermark) {
        currentWatermark = Math.max(currentWatermark, watermark);
    }

    @Override
    public void registerEventTimeTimer(long timestamp) {
        eventTimers.register(timestamp, currentKey());
    }

    @Override
    public void registerProcessingTimeTimer(long timestamp) {
        processingTimers.register(timestamp, currentKey());
    }

    @Override
    public void deleteEventTimeTimer(long timestamp) {
        eventTimers.delete(timestamp, currentKey());
    }

    @Override
    public void deleteProcessingTimeTimer(long timestamp) {
        processingTimers.delete(timestamp, currentKey());
    }

    public TimerQueue eventTimers() {
        return eventTimers;
    }

    public TimerQueue processingTimers() {
        return processingTimers;
    }

    private Object currentKey() {
        Object key = keys.currentKey();
        if (key == null) {
            throw new IllegalStateException("timers can only be set while a record or timer of a key is processed");
        }
        return key;
    }
}
