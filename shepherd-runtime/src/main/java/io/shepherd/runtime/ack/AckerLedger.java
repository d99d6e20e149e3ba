package io.shepherd.runtime.ack;

/**
 * The ledgers of one acker task: for each root it owns ({@link AckRouter#ackerFor}), the xor of every edge
 * id reported so far, the owner source subtask, the time of the last message about the root and the
 * operator that acked last. A pure state machine: messages and the time in, verdicts out through a
 * {@link VerdictSink}; no thread, no clock.
 *
 * <p><b>Why xor.</b> Every edge id of a tree is reported twice: once when its record is emitted (in the init,
 * or in the ack of the record's parent) and once when the record is acked. So the xor of all reports is zero
 * exactly when every record of the tree has been acked, whatever the order the reports arrive in, and a
 * ledger is a constant 32 bytes however big its tree. See {@link LedgerState} for the transitions.
 *
 * <p><b>Lost, reordered and duplicated messages.</b> A lost message keeps its ledger from zero, and the tree
 * times out. Reordering does not matter to a xor. A second init for a pending root is ignored: applied, it
 * would cancel the first edges while they are still live. A duplicated ack can never bring a ledger to zero
 * early: duplicates add the edges at the border of the records they ack, and the border always includes an
 * edge already acked (into the topmost of those records), so they never cancel exactly the edges still live;
 * they keep the ledger from zero instead, and the tree times out and is replayed.
 *
 * <p><b>Timeouts.</b> A ledger is closed when no message about its root has reached the acker for the tree
 * timeout, however long ago the root was emitted: a slow tree that keeps acking is never timed out. An
 * initialized ledger is reported {@link VerdictSink#timedOut} with the operator that acked last; one without
 * an init (early acks whose init was lost, or late acks of a closed root) is dropped silently, so no message,
 * late or stray, can make a ledger that lives forever. The check is lazy: an ack only records the time, and
 * {@link #expire} scans the ledgers only once the earliest deadline it knew of has come, learning the next
 * one as it goes. Trees complete long before the timeout, so a scan happens about once per timeout period.
 *
 * <p><b>Layout.</b> Ledgers live inline in one open-addressing table of four longs per slot (root, xor, time
 * of the last message, and owner, last operator and state packed into one), so a message touches one cache
 * line, not one per field. Fibonacci hashing of the root, linear probing, deletion by backward shift (no
 * tombstones); at most half the slots full, doubling when needed: the only time it allocates.
 *
 * <p>Not thread-safe: one instance per acker task.
 */
public final class AckerLedger {
    /** The operator of a ledger that no ack has reached yet. */
    public static final int NO_OPERATOR = -1;
    private static final int NO_OWNER = -1;
    private static final int NONE = -1;
    private static final int STRIDE = 4;
    private static final int ROOT = 0;
    private static final int XOR = 1;
    private static final int PROGRESS = 2;
    private static final int META = 3;
    private static final long FIBONACCI = 0x9E3779B97F4A7C15L;
    private static final LedgerState[] STATES = LedgerState.values();

    private final long timeoutNs;
    private final AckerCounters counters = new AckerCounters();
    /** {@link #STRIDE} longs per slot; a root of 0 marks an empty slot (no root has id 0). */
    private long[] slots;
    private int mask;
    private int shift;
    private int size;
    /** No ledger is due before this. */
    private long nextCheckNs = Long.MAX_VALUE;

    public AckerLedger(AckConfig config, int initialCapacity, long nowNs) {
        if (initialCapacity < 1) {
            throw new IllegalArgumentException("an acker needs room for at least one ledger, got " + initialCapacity);
        }
        this.timeoutNs = config.treeTimeoutNs();
        allocate(Integer.highestOneBit(Math.max(1, 2 * initialCapacity - 1)) << 1);
    }

    /** Applies every message of {@code batch}, in order. */
    public void accept(AckBatch batch, long nowNs, VerdictSink out) {
        for (int i = 0, n = batch.size(); i < n; i++) {
            long root = batch.root(i);
            switch (batch.kind(i)) {
                case INIT -> onInit(root, batch.value(i), batch.task(i), nowNs, out);
                case ACK -> onAck(root, batch.value(i), batch.task(i), nowNs, out);
                case FAIL -> onFail(root, batch.task(i), nowNs, out);
                case PROBE -> onProbe(root, batch.task(i), out);
            }
        }
    }

    public void onInit(long root, long xor, int owner, long nowNs, VerdictSink out) {
        if (xor == 0) {
            // Nothing was anchored to the root's record, so no other message about it exists (a task failing a
            // record sends its fail after the init): complete, without a lookup.
            counters.completed++;
            out.completed(root, owner);
            return;
        }
        int slot = find(root);
        if (slot == NONE) {
            slot = open(root, xor, NO_OPERATOR, owner, LedgerState.PENDING, nowNs);
            completeIfZero(slot, out);
            return;
        }
        int at = slot * STRIDE;
        switch (state(at)) {
            case PENDING -> counters.duplicateInits++;
            case AWAITING_INIT -> {
                slots[at + XOR] ^= xor;
                slots[at + PROGRESS] = nowNs;
                slots[at + META] = meta(owner, lastOperator(at), LedgerState.PENDING);
                completeIfZero(slot, out);
            }
            case FAILED_BEFORE_INIT -> {
                counters.failed++;
                out.failed(root, owner);
                close(slot);
            }
        }
    }

    public void onAck(long root, long xor, int operator, long nowNs, VerdictSink out) {
        int slot = find(root);
        if (slot == NONE) {
            open(root, xor, operator, NO_OWNER, LedgerState.AWAITING_INIT, nowNs);
            return;
        }
        int at = slot * STRIDE;
        slots[at + XOR] ^= xor;
        slots[at + PROGRESS] = nowNs;
        LedgerState state = state(at);
        slots[at + META] = meta(owner(at), operator, state);
        if (state == LedgerState.PENDING) {
            completeIfZero(slot, out);
        }
    }

    public void onFail(long root, int operator, long nowNs, VerdictSink out) {
        int slot = find(root);
        if (slot == NONE) {
            open(root, 0, operator, NO_OWNER, LedgerState.FAILED_BEFORE_INIT, nowNs);
            return;
        }
        int at = slot * STRIDE;
        if (state(at) == LedgerState.PENDING) {
            counters.failed++;
            out.failed(root, owner(at));
            close(slot);
        } else {
            slots[at + PROGRESS] = nowNs;
            slots[at + META] = meta(owner(at), operator, LedgerState.FAILED_BEFORE_INIT);
        }
    }

    /** Answers a source's probe: alive only for an initialized ledger, which alone can still complete. */
    public void onProbe(long root, int owner, VerdictSink out) {
        counters.probesAnswered++;
        int slot = find(root);
        if (slot != NONE && state(slot * STRIDE) == LedgerState.PENDING) {
            out.alive(root, owner);
        } else {
            out.unknown(root, owner);
        }
    }

    /** Closes every ledger that has had no message for the tree timeout by {@code nowNs}. */
    public void expire(long nowNs, VerdictSink out) {
        if (nowNs < nextCheckNs) {
            return;
        }
        long next = Long.MAX_VALUE;
        for (int slot = 0; slot <= mask; ) {
            int at = slot * STRIDE;
            long root = slots[at + ROOT];
            long dueNs = slots[at + PROGRESS] + timeoutNs;
            if (root == 0 || dueNs > nowNs) {
                if (root != 0) {
                    next = Math.min(next, dueNs);
                }
                slot++;
                continue;
            }
            if (state(at) == LedgerState.PENDING) {
                counters.timedOut++;
                out.timedOut(root, owner(at), lastOperator(at));
            } else {
                counters.expiredWithoutInit++;
            }
            // The backward shift may pull a later ledger into this slot: look at it again.
            close(slot);
        }
        nextCheckNs = next;
    }

    /** When {@link #expire} next has work; MAX_VALUE if nothing waits. */
    public long nextExpiryNs() {
        return size == 0 ? Long.MAX_VALUE : nextCheckNs;
    }

    /** The number of open ledgers, in any state. */
    public int size() {
        return size;
    }

    /** The state of {@code root}'s ledger, or null when there is none. */
    public LedgerState state(long root) {
        int slot = find(root);
        return slot == NONE ? null : state(slot * STRIDE);
    }

    public AckerCounters counters() {
        return counters;
    }

    private void completeIfZero(int slot, VerdictSink out) {
        int at = slot * STRIDE;
        if (slots[at + XOR] == 0) {
            counters.completed++;
            out.completed(slots[at + ROOT], owner(at));
            close(slot);
        }
    }

    private int find(long root) {
        if (root == 0) {
            return NONE;
        }
        for (int slot = home(root); ; slot = (slot + 1) & mask) {
            long key = slots[slot * STRIDE + ROOT];
            if (key == root) {
                return slot;
            }
            if (key == 0) {
                return NONE;
            }
        }
    }

    private int open(long root, long xor, int operator, int owner, LedgerState state, long nowNs) {
        if (root == 0) {
            throw new IllegalArgumentException("root id 0 is reserved for 'no root'");
        }
        if (2 * (size + 1) > mask + 1) {
            grow();
        }
        int slot = home(root);
        while (slots[slot * STRIDE + ROOT] != 0) {
            slot = (slot + 1) & mask;
        }
        int at = slot * STRIDE;
        slots[at + ROOT] = root;
        slots[at + XOR] = xor;
        slots[at + PROGRESS] = nowNs;
        slots[at + META] = meta(owner, operator, state);
        size++;
        counters.ledgers++;
        nextCheckNs = Math.min(nextCheckNs, nowNs + timeoutNs);
        return slot;
    }

    /** Empties the slot; backward shift pulls each later ledger of the probe run into the gap if its home allows. */
    private void close(int slot) {
        int gap = slot;
        for (int next = (gap + 1) & mask; slots[next * STRIDE + ROOT] != 0; next = (next + 1) & mask) {
            int home = home(slots[next * STRIDE + ROOT]);
            if (((next - home) & mask) >= ((next - gap) & mask)) {
                System.arraycopy(slots, next * STRIDE, slots, gap * STRIDE, STRIDE);
                gap = next;
            }
        }
        slots[gap * STRIDE + ROOT] = 0;
        size--;
        counters.ledgers--;
    }

    private void grow() {
        long[] old = slots;
        allocate((mask + 1) * 2);
        for (int at = 0; at < old.length; at += STRIDE) {
            if (old[at + ROOT] != 0) {
                int slot = home(old[at + ROOT]);
                while (slots[slot * STRIDE + ROOT] != 0) {
                    slot = (slot + 1) & mask;
                }
                System.arraycopy(old, at, slots, slot * STRIDE, STRIDE);
            }
        }
    }

    private void allocate(int slotCount) {
        slots = new long[slotCount * STRIDE];
        mask = slotCount - 1;
        shift = Long.numberOfLeadingZeros(slotCount - 1L);
    }

    private int home(long root) {
        return (int) ((root * FIBONACCI) >>> shift);
    }

    // Owner (high 32 bits), last operator + 1 (30 bits), state (2 bits) in one long.

    private static long meta(int owner, int lastOperator, LedgerState state) {
        return ((long) owner << 32) | ((long) (lastOperator + 1) << 2) | state.ordinal();
    }

    private int owner(int at) {
        return (int) (slots[at + META] >> 32);
    }

    private int lastOperator(int at) {
        return (int) ((slots[at + META] >>> 2) & 0x3FFF_FFFF) - 1;
    }

    private LedgerState state(int at) {
        return STATES[(int) (slots[at + META] & 3)];
    }
}
