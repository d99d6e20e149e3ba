package io.shepherd.runtime.channel;

import java.util.function.Supplier;
import org.jctools.queues.SpscArrayQueue;

/**
 * Hands reusable batches (ack messages, verdicts) from one task to another: full batches go one way, and
 * drained ones come back to be filled again, so a steady exchange allocates nothing. Bounded: {@link #send}
 * refuses a batch when the queue is full ({@code capacity} rounded up to a power of two), and the sender
 * keeps it and tries again later, which is how a slow receiver holds its senders back. One thread sends,
 * one receives.
 *
 * <p>The sender {@linkplain #end ends} the exchange after its last batch; the receiver sees
 * {@link #isFinished} once it has taken everything before the end.
 */
public final class BatchExchange<B> {
    private final SpscArrayQueue<B> full;
    private final SpscArrayQueue<B> empty;
    private final Supplier<B> factory;
    private volatile boolean ended;
    private volatile boolean abandoned;

    /** @param factory makes a batch when none has come back yet */
    public BatchExchange(int capacity, Supplier<B> factory) {
        this.full = new SpscArrayQueue<>(capacity);
        this.empty = new SpscArrayQueue<>(capacity + 1);
        this.factory = factory;
    }

    /** Sender: an empty batch to fill, one that came back if there is one. */
    public B emptyBatch() {
        B batch = empty.poll();
        return batch != null ? batch : factory.get();
    }

    /**
     * Sender: hands {@code batch} over, or returns false (and keeps nothing) when the exchange is full. A batch
     * sent after the receiver {@linkplain #abandon abandoned} the exchange is dropped.
     */
    public boolean send(B batch) {
        return abandoned || full.offer(batch);
    }

    /** Sender: nothing more will be sent. */
    public void end() {
        ended = true;
    }

    /** Receiver: the next full batch, or null. Give it back with {@link #recycle} once it is read. */
    public B receive() {
        return full.poll();
    }

    /** Receiver: returns a batch it has read, cleared, for the sender to fill again. */
    public void recycle(B batch) {
        empty.offer(batch);
    }

    /** Receiver: it reads no more; whatever is sent from now on is dropped. */
    public void abandon() {
        abandoned = true;
    }

    /** Receiver: the sender has ended and every batch it sent has been taken. */
    public boolean isFinished() {
        return ended && full.isEmpty();
    }
}
