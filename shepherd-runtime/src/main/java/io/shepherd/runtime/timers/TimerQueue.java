package io.shepherd.runtime.timers;

import java.util.Comparator;
import java.util.HashSet;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * Timers ordered by timestamp, each (key, timestamp) at most once. Deleting is lazy: the timer is
 * forgotten at once and its queue entry skipped when it comes up.
 */
public final class TimerQueue {
    private final PriorityQueue<Timer> queue = new PriorityQueue<>(Comparator.comparingLong(Timer::timestamp));
    private final Set<Timer> registered = new HashSet<>();

    public void register(long timestamp, Object key) {
        Timer timer = new Timer(timestamp, key);
        if (registered.add(timer)) {
            queue.add(timer);
        }
    }

    public void delete(long timestamp, Object key) {
        registered.remove(new Timer(timestamp, key));
    }

    /** Removes and returns the earliest timer at or before {@code time}, or null when none is due. */
    public Timer pollDue(long time) {
        for (Timer head = queue.peek(); head != null && head.timestamp() <= time; head = queue.peek()) {
            queue.poll();
            if (registered.remove(head)) {
                return head;
            }
        }
        return null;
    }

    /** The earliest live timer's timestamp, or {@link Long#MAX_VALUE} when there is none. */
    public long nextTimestamp() {
        for (Timer head = queue.peek(); head != null; head = queue.peek()) {
            if (registered.contains(head)) {
                return head.timestamp();
            }
            queue.poll();
        }
        return Long.MAX_VALUE;
    }

    public int size() {
        return registered.size();
    }

    /** The live timers, for snapshots; unordered. */
    public Set<Timer> timers() {
        return registered;
    }
}
