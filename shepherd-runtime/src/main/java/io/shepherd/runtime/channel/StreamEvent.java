package io.shepherd.runtime.channel;

import io.shepherd.runtime.checkpoint.CheckpointOptions;

/**
 * Control elements that travel in a channel between batches, in order with the data: a receiver
 * sees everything sent before an event before the event itself — except a barrier sent ahead
 * ({@link OutputChannel#offerPriority}), which overtakes what is queued.
 */
public sealed interface StreamEvent {

    /** No record with a timestamp at or below {@code timestamp} will follow on this channel. */
    record Watermark(long timestamp) implements StreamEvent {}

    /** The sender has finished; nothing follows on this channel. */
    record EndOfPartition() implements StreamEvent {
        public static final EndOfPartition INSTANCE = new EndOfPartition();
    }

    /**
     * Marks the cut of checkpoint {@code checkpointId} in the channel: the sender took its snapshot
     * after the elements before the barrier and before those after it.
     *
     * @param sequence for a barrier sent ahead of queued data: how many elements the sender had put
     *     into this channel before it, so the receiver knows which of the elements it has yet to
     *     read are in flight across the cut; {@link #IN_BAND} for a barrier that keeps its place
     */
    record CheckpointBarrier(long checkpointId, long timestampMs, CheckpointOptions options, long sequence)
            implements StreamEvent {
        public static final long IN_BAND = -1;

        public CheckpointBarrier(long checkpointId, long timestampMs, CheckpointOptions options) {
            this(checkpointId, timestampMs, options, IN_BAND);
        }

        public CheckpointBarrier withSequence(long sequence) {
            return new CheckpointBarrier(checkpointId, timestampMs, options, sequence);
        }

        public boolean isPriority() {
            return sequence != IN_BAND;
        }
    }

    /** Checkpoint {@code checkpointId} was given up upstream: stop waiting for its barriers. */
    record CancelBarrier(long checkpointId) implements StreamEvent {}
}
