package io.shepherd.testing;

/**
 * Moves the operator's processing-time clock to {@code timeMs}, firing the processing-time timers
 * that are then due.
 *
 * @param timeMs the new clock reading in milliseconds; never earlier than the current one
 */
public record ProcessingTime(long timeMs) implements HarnessStep {

    @Override
    public String toString() {
        return "processingTime(" + timeMs + ")";
    }
}
