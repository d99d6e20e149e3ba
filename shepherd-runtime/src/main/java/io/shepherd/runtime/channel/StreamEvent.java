package io.shepherd.runtime.channel;

/**
 * Control elements that travel in a channel between batches, in order with the data: a receiver
 * sees everything sent before an event before the event itself.
 */
public sealed interface StreamEvent {

    /** No record with a timestamp at or below {@code timestamp} will follow on this channel. */
    record Watermark(long timestamp) implements StreamEvent {}

    /** The sender has finished; nothing follows on this channel. */
    record EndOfPartition() implements StreamEvent {
        public static final EndOfPartition INSTANCE = new EndOfPartition();
    }
}
