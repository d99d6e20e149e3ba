package io.shepherd.runtime.ack;

import java.util.Arrays;

/**
 * One deadline per handle (see {@link RootTable}) on a hashed timer wheel: scheduling, cancelling and
 * taking what is due cost O(1), without a scan of everything pending and without allocating once sized.
 *
 * <p>Time is cut into ticks of {@code tickNs}; each slot of the wheel holds the handles due in the ticks
 * that map to it, as an intrusive doubly linked list over handles, so a cancelled deadline leaves nothing
 * behind however many roots come and go. {@link #pollDue} hands out a handle once the poll's tick has
 * reached the handle's: never before its deadline, and at most one tick after it. A deadline set in the
 * past fires at the first poll of a tick not yet polled.
 *
 * <p><b>Caveats.</b> A deadline more than one turn ahead ({@code slots} ticks) is legal but is looked at and
 * skipped once per turn, so size the wheel to cover the usual deadline ({@link #covering} gives 64 ticks per
 * span and two spans per turn). A handle scheduled during a poll for a time at or before that poll is due
 * in the same poll. Time must not go backwards. Not thread-safe.
 */
final class TimeoutWheel {
    static final int NONE = -1;
    /** In {@link #prev}: the handle is not on the wheel. ({@link #NONE} there: it heads its slot's list.) */
    private static final int OFF_WHEEL = -2;
    private static final int TICKS_PER_SPAN = 64;
    private static final int SLOTS = 128;

    private final long tickNs;
    private final int[] heads;
    private final int mask;
    private int[] next;
    private int[] prev;
    private long[] dueTicks;
    /** The first tick no poll has covered yet. */
    private long nextTick;
    private int size;

    TimeoutWheel(long tickNs, int slots, int capacity, long nowNs) {
        if (tickNs < 1 || Integer.bitCount(slots) != 1) {
            throw new IllegalArgumentException("need tickNs >= 1 and a power-of-two slot count, got tickNs="
                    + tickNs + " slots=" + slots);
        }
        this.tickNs = tickNs;
        this.heads = new int[slots];
        this.mask = slots - 1;
        Arrays.fill(heads, NONE);
        this.nextTick = Math.floorDiv(nowNs, tickNs);
        next = new int[0];
        prev = new int[0];
        dueTicks = new long[0];
        ensureCapacity(capacity);
    }

    /** A wheel whose deadlines are usually at most {@code spanNs} ahead. */
    static TimeoutWheel covering(long spanNs, int capacity, long nowNs) {
        return new TimeoutWheel(Math.max(1, spanNs / TICKS_PER_SPAN), SLOTS, capacity, nowNs);
    }

    /** Makes room for handles below {@code capacity}. */
    void ensureCapacity(int capacity) {
        int old = next.length;
        if (capacity <= old) {
            return;
        }
        next = Arrays.copyOf(next, capacity);
        prev = Arrays.copyOf(prev, capacity);
        dueTicks = Arrays.copyOf(dueTicks, capacity);
        Arrays.fill(prev, old, capacity, OFF_WHEEL);
    }

    /** Sets the deadline of {@code handle}, replacing any it had. */
    void schedule(int handle, long dueNs) {
        if (prev[handle] != OFF_WHEEL) {
            unlink(handle);
        }
        long dueTick = Math.max(-Math.floorDiv(-dueNs, tickNs), nextTick);
        int slot = (int) dueTick & mask;
        int head = heads[slot];
        next[handle] = head;
        prev[handle] = NONE;
        if (head != NONE) {
            prev[head] = handle;
        }
        heads[slot] = handle;
        dueTicks[handle] = dueTick;
        size++;
    }

    /** Removes the deadline of {@code handle}, if it has one. */
    void cancel(int handle) {
        if (prev[handle] != OFF_WHEEL) {
            unlink(handle);
        }
    }

    boolean isScheduled(int handle) {
        return prev[handle] != OFF_WHEEL;
    }

    /** How many handles have a deadline. */
    int size() {
        return size;
    }

    /**
     * Takes one handle whose deadline has passed by {@code nowNs} off the wheel and returns it, or returns
     * {@link #NONE} when none is left. Call it in a loop; the caller may reschedule what it gets.
     */
    int pollDue(long nowNs) {
        long nowTick = Math.floorDiv(nowNs, tickNs);
        if (nowTick - nextTick >= heads.length) {
            // A whole turn passed since the last poll: visiting every slot once, up to now, covers it all.
            nextTick = nowTick - heads.length + 1;
        }
        while (nextTick <= nowTick) {
            if (size == 0) {
                nextTick = nowTick + 1;
                return NONE;
            }
            for (int handle = heads[(int) nextTick & mask]; handle != NONE; handle = next[handle]) {
                if (dueTicks[handle] <= nowTick) {
                    unlink(handle);
                    return handle;
                }
            }
            nextTick++;
        }
        return NONE;
    }

    /**
     * The earliest time a poll can find a deadline due (a poll finds a deadline in the tick after it, not
     * before), or earlier when a slot holds only deadlines a turn or more ahead; {@link Long#MAX_VALUE} when
     * no handle has a deadline. For callers that sleep between polls.
     */
    long nextPollNs() {
        if (size == 0) {
            return Long.MAX_VALUE;
        }
        for (long tick = nextTick; tick < nextTick + heads.length; tick++) {
            if (heads[(int) tick & mask] != NONE) {
                return tick * tickNs;
            }
        }
        throw new IllegalStateException("the wheel counts " + size + " deadlines but holds none");
    }

    private void unlink(int handle) {
        int before = prev[handle];
        int after = next[handle];
        if (before == NONE) {
            heads[(int) dueTicks[handle] & mask] = after;
        } else {
            next[before] = after;
        }
        if (after != NONE) {
            prev[after] = before;
        }
        prev[handle] = OFF_WHEEL;
        size--;
    }
}
