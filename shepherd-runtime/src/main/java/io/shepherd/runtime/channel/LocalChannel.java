package io.shepherd.runtime.channel;

import java.util.concurrent.ConcurrentLinkedQueue;
import org.jctools.queues.SpscArrayQueue;

/**
 * A channel between two tasks of the same process: a bounded single-producer single-consumer
 * queue, plus an unbounded lane for the rare events sent ahead of it. Elements are passed by
 * reference; records are never serialized.
 */
public final class LocalChannel implements OutputChannel, InputChannel {
    private final SpscArrayQueue<Object> queue;
    private final ConcurrentLinkedQueue<StreamEvent> priority = new ConcurrentLinkedQueue<>();
    private final int capacity;

    /** @param capacity elements (batches or events) the channel holds before it refuses more */
    public LocalChannel(int capacity) {
        this.queue = new SpscArrayQueue<>(capacity);
        this.capacity = capacity;
    }

    @Override
    public boolean offer(Object element) {
        // The queue rounds its size up to a power of two (at least 4): hold it to the capacity asked for.
        // From the producer the size is exact or an overestimate, so the limit is never exceeded.
        return queue.size() < capacity && queue.offer(element);
    }

    @Override
    public void offerPriority(StreamEvent event) {
        priority.offer(event);
    }

    @Override
    public Object poll() {
        StreamEvent ahead = priority.poll();
        return ahead != null ? ahead : queue.poll();
    }

    @Override
    public Object pollAhead() {
        return priority.poll();
    }

    @Override
    public Object peekQueued() {
        return queue.peek();
    }

    @Override
    public Object pollQueued() {
        return queue.poll();
    }

    @Override
    public boolean isEmpty() {
        return priority.isEmpty() && queue.isEmpty();
    }

    /** Elements currently queued; approximate while both ends are active. */
    public int size() {
        return queue.size() + priority.size();
    }
}
