package io.shepherd.api.time;

/**
 * Timers and the two notions of time an operator sees.
 *
 * <p>Event time is the watermark: a promise that no record with a smaller timestamp will arrive.
 * An event-time timer fires once the watermark passes its timestamp. Processing time is the
 * engine's clock in milliseconds. Registering the same timestamp twice for a key fires once.
 *
 * <p>When a bounded input ends, the final watermark fires every pending event-time timer; pending
 * processing-time timers do not fire, since the job ends before their time comes.
 */
public interface TimerService {
    long currentProcessingTime();

    /** The current watermark; {@link Long#MIN_VALUE} before the first. */
    long currentWatermark();

    void registerEventTimeTimer(long timestamp);

    void registerProcessingTimeTimer(long timestamp);

    void deleteEventTimeTimer(long timestamp);

    void deleteProcessingTimeTimer(long timestamp);
}
