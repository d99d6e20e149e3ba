package io.shepherd.runtime.channel;

/**
 * The sending end of a channel: {@link RecordBatch}es and {@link StreamEvent}s, in order.
 *
 * <p>Never blocks: {@link #offer} returns false when the channel is full, and the sender keeps the
 * element and tries again later. That refusal is how backpressure travels upstream. Only one
 * thread sends on a channel.
 */
public interface OutputChannel {
    boolean offer(Object element);

    /**
     * Sends an event ahead of everything queued, whatever the backpressure: the receiver gets it at
     * its next read. For unaligned checkpoint barriers and cancellations, which must not wait behind data.
     */
    void offerPriority(StreamEvent event);
}
