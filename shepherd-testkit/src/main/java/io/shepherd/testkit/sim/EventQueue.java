package io.shepherd.testkit.sim;

import java.util.PriorityQueue;
import java.util.SplittableRandom;

/**
 * The pending events of one scheduler, in the total order {@link Event} defines.
 *
 * <p>Cancelled events stay in the heap until they surface (removing from the middle of a binary heap
 * is linear), and are counted apart so that {@link #live()} is exact. When more than half the heap is
 * cancelled it is rebuilt, so a protocol that re-arms a timer on every message cannot grow it without
 * bound.
 */
final class EventQueue {

    private final PriorityQueue<Event> heap = new PriorityQueue<>();
    private final SplittableRandom tieBreaks;
    private long nextSequence;
    private int cancelled;

    EventQueue(SplittableRandom tieBreaks) {
        this.tieBreaks = tieBreaks;
    }

    Event add(long dueNs, Object label, Runnable action) {
        Event event = new Event(this, dueNs, tieBreaks.nextLong(), nextSequence++, label, action);
        heap.add(event);
        return event;
    }

    /** The next live event without removing it, or null when none is pending. */
    Event peek() {
        dropCancelledHead();
        return heap.peek();
    }

    /** Removes and returns the next live event, or null when none is pending. */
    Event poll() {
        dropCancelledHead();
        Event event = heap.poll();
        if (event != null) {
            event.markRun();
        }
        return event;
    }

    /** How many events are pending and not cancelled. */
    int live() {
        return heap.size() - cancelled;
    }

    void cancelled() {
        cancelled++;
        if (cancelled > 1_024 && cancelled > heap.size() / 2) {
            heap.removeIf(event -> !event.isPending());
            cancelled = 0;
        }
    }

    private void dropCancelledHead() {
        while (!heap.isEmpty() && !heap.peek().isPending()) {
            heap.poll();
            cancelled--;
        }
    }
}
