package io.shepherd.testing;

import io.shepherd.runtime.state.KeyedStateBackend;
import io.shepherd.runtime.timers.KeyedTimerService;
import io.shepherd.runtime.timers.Timer;
import java.util.List;

/**
 * The timers and watermark of a keyed operator instance, taken before it is replaced and given to
 * its successor, so that the new instance fires exactly the timers the old one would have.
 */
final class TimerHandover {
    private final List<Timer> eventTimers;
    private final List<Timer> processingTimers;
    private final long watermark;

    private TimerHandover(List<Timer> eventTimers, List<Timer> processingTimers, long watermark) {
        this.eventTimers = eventTimers;
        this.processingTimers = processingTimers;
        this.watermark = watermark;
    }

    static TimerHandover takeFrom(KeyedTimerService timers) {
        return new TimerHandover(List.copyOf(timers.eventTimers().timers()),
                List.copyOf(timers.processingTimers().timers()), timers.currentWatermark());
    }

    /** Registers every timer with its own key current, as its key registered it; leaves no key current. */
    void giveTo(KeyedTimerService timers, KeyedStateBackend keys) {
        timers.advanceWatermark(watermark);
        for (Timer timer : eventTimers) {
            keys.setCurrentKey(timer.key());
            timers.registerEventTimeTimer(timer.timestamp());
        }
        for (Timer timer : processingTimers) {
            keys.setCurrentKey(timer.key());
            timers.registerProcessingTimeTimer(timer.timestamp());
        }
        keys.setCurrentKey(null);
    }
}
