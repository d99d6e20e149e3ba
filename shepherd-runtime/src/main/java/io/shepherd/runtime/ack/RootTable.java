package io.shepherd.runtime.ack;

import java.util.Arrays;

/**
 * Root id to a small int handle, in open addressing, hand-written so that the acker's and the source's hot
 * paths neither box nor allocate.
 *
 * <p>Handles are dense, in {@code [0, capacity())}, and stay put while the root table changes: owners keep
 * each root's fields in plain arrays indexed by handle, so a root costs a fixed number of bytes however big
 * its tree. Allocating a handle is separate from binding a root to it, so a source can move a record to a
 * fresh root (a replay) and keep its fields.
 *
 * <p>A key of 0 marks an empty slot (no root has id 0). Lookups probe linearly from the root's Fibonacci
 * hash; removal shifts the keys after it back (no tombstones), so heavy churn never slows lookups down. The
 * table keeps at most half its slots full, and doubles with the handles when they run out: the only time it
 * allocates. Not thread-safe.
 */
final class RootTable {
    static final int NONE = -1;
    private static final long FIBONACCI = 0x9E3779B97F4A7C15L;

    /** Slot to root; 0 when the slot is empty. */
    private long[] keys;
    /** Slot to the handle bound to its root. */
    private int[] slotHandles;
    /** Handle to the root bound to it; 0 while unbound. */
    private long[] roots;
    /** Free handles, a stack: the lowest handles come back first, which keeps the owners' arrays dense. */
    private int[] free;
    private int freeCount;
    private int mask;
    private int shift;
    private int bound;

    RootTable(int initialCapacity) {
        if (initialCapacity < 1) {
            throw new IllegalArgumentException("a root table needs room for at least one root, got " + initialCapacity);
        }
        resize(Integer.highestOneBit(Math.max(1, initialCapacity - 1)) << 1);
    }

    /** How many handles there are; owners size their per-root arrays to this. */
    int capacity() {
        return roots.length;
    }

    /** How many roots are bound. */
    int size() {
        return bound;
    }

    /** Takes a free handle, doubling the capacity first if none is left. */
    int allocate() {
        if (freeCount == 0) {
            resize(roots.length * 2);
        }
        return free[--freeCount];
    }

    /** Gives an unbound handle back. */
    void release(int handle) {
        assert roots[handle] == 0 : "handle " + handle + " is still bound to a root";
        free[freeCount++] = handle;
    }

    /** Allocates a handle and binds {@code root} to it; {@code root} must not be bound already. */
    int add(long root) {
        int handle = allocate();
        bind(handle, root);
        return handle;
    }

    /** Unbinds the handle's root and releases the handle. */
    void remove(int handle) {
        unbind(handle);
        release(handle);
    }

    /** Binds {@code root}, which must not be bound already, to the unbound {@code handle}. */
    void bind(int handle, long root) {
        if (root == 0) {
            throw new IllegalArgumentException("root id 0 is reserved for 'no root'");
        }
        assert find(root) == NONE : "root " + Long.toHexString(root) + " is bound already";
        int slot = home(root);
        while (keys[slot] != 0) {
            slot = (slot + 1) & mask;
        }
        keys[slot] = root;
        slotHandles[slot] = handle;
        roots[handle] = root;
        bound++;
    }

    /** Unbinds the handle's root, keeping the handle allocated. */
    void unbind(int handle) {
        long root = roots[handle];
        int gap = home(root);
        while (keys[gap] != root) {
            gap = (gap + 1) & mask;
        }
        // Backward shift: pull each later key of the probe run into the gap if its home allows it there.
        for (int slot = (gap + 1) & mask; keys[slot] != 0; slot = (slot + 1) & mask) {
            int home = home(keys[slot]);
            if (((slot - home) & mask) >= ((slot - gap) & mask)) {
                keys[gap] = keys[slot];
                slotHandles[gap] = slotHandles[slot];
                gap = slot;
            }
        }
        keys[gap] = 0;
        roots[handle] = 0;
        bound--;
    }

    /** The handle bound to {@code root}, or {@link #NONE}. */
    int find(long root) {
        if (root == 0) {
            return NONE; // 0 marks empty slots, so it would match the first one
        }
        for (int slot = home(root); ; slot = (slot + 1) & mask) {
            long key = keys[slot];
            if (key == root) {
                return slotHandles[slot];
            }
            if (key == 0) {
                return NONE;
            }
        }
    }

    /** The root bound to {@code handle}; 0 while unbound. */
    long rootOf(int handle) {
        return roots[handle];
    }

    private int home(long root) {
        return (int) ((root * FIBONACCI) >>> shift);
    }

    private void resize(int handleCapacity) {
        long[] oldKeys = keys;
        int[] oldHandles = slotHandles;
        int slots = handleCapacity * 2;
        keys = new long[slots];
        slotHandles = new int[slots];
        mask = slots - 1;
        shift = Long.numberOfLeadingZeros(slots - 1L);
        int oldCapacity = roots == null ? 0 : roots.length;
        roots = roots == null ? new long[handleCapacity] : Arrays.copyOf(roots, handleCapacity);
        free = new int[handleCapacity];
        freeCount = 0;
        for (int handle = handleCapacity - 1; handle >= oldCapacity; handle--) {
            free[freeCount++] = handle;
        }
        if (oldKeys != null) {
            for (int slot = 0; slot < oldKeys.length; slot++) {
                if (oldKeys[slot] != 0) {
                    int to = home(oldKeys[slot]);
                    while (keys[to] != 0) {
                        to = (to + 1) & mask;
                    }
                    keys[to] = oldKeys[slot];
                    slotHandles[to] = oldHandles[slot];
                }
            }
        }
    }
}
