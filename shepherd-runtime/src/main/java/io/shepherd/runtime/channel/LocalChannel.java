package io.shepherd.runtime.channel;

import org.jctools.queues.SpscArrayQueue;

/**
 * A channel between two tasks of the same process: a bounded single-producer single-consumer
 * queue. Elements are passed by reference; records are never serialized.
 */
public final class LocalChannel implements OutputChannel, InputChannel {
    private final SpscArrayQueue<Object> queue;

    /** @param capacity elements (batches or events) the channel holds before it refuses more */
    public LocalChannel(int capacity) {
        this.queue = new SpscArrayQueue<>(capacity);
    }

    @Override
    public boolean offer(Object element) {
        return queue.offer(element);
    }

    @Override
    public Object poll() {
        return queue.poll();
    }

    @Override
    public boolean isEmpty() {
        return queue.isEmpty();
    }

    /** Elements currently queued; approximate while both ends are active. */
    public int size() {
        return queue.size();
    }
}
