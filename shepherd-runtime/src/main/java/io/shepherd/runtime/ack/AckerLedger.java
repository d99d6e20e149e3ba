package io.shepherd.runtime.ack;

import java.util.Arrays;

/**
 * The ledgers of one acker task: for each root it owns ({@link AckRouter#ackerFor}), the xor of every edge
 * id reported so far, the owner source subtask, the time of the last message about the root and the
 * operator that acked last. A pure state machine: messages and the time in, verdicts out through a
 * {@link VerdictSink}; no thread, no clock.
 *
 * <p><b>Why xor.</b> Every edge id of a tree is reported twice: once when its record is emitted (in the
 * init, or in the ack of the record's parent) and once when the record is acked. So the xor of all reports
 * is zero exactly when every record of the tree has been acked, whatever the order the reports arrive in,
 * and a ledger is a constant 40-odd bytes however big its tree. See {@link LedgerState} for the transitions.
 *
 * <p><b>Lost, reordered and duplicated messages.</b> A lost message keeps its ledger from zero, and the
 * tree times out. Reordering does not matter to a xor. A second init for a pending root is ignored: applied,
 * it would cancel the first edges while they are still live. A duplicated ack can never bring a ledger to
 * zero early: duplicates add the edges at the border of the records they ack, and the border always includes
 * an edge already acked (into the topmost of those records), so they never cancel exactly the edges still
 * live; they keep the ledger from zero instead, and the tree times out and is replayed.
 *
 * <p><b>Timeouts.</b> A ledger is closed when no message about its root has reached the acker for the tree
 * timeout, however long ago the root was emitted: a slow tree that keeps acking is never timed out. An
 * initialized ledger is reported {@link VerdictSink#timedOut} with the operator that acked last; one without
 * an init (early acks whose init was lost, or late acks of a closed root) is dropped silently, so no
 * message, late or stray, can make a ledger that lives forever. The check is lazy: an ack only records the
 * time, and a {@link TimeoutWheel} holds one deadline per ledger, moved forward when it comes due if the
 * root has made progress since.
 *
 * <p>The hot path ({@link #accept}) allocates nothing; only growing the table past its largest size does.
 * Not thread-safe: one instance per acker task.
 */
public final class AckerLedger {
    /** The operator of a ledger that no ack has reached yet. */
    public static final int NO_OPERATOR = -1;
    private static final int NO_OWNER = -1;

    private final long timeoutNs;
    private final RootTable table;
    private final TimeoutWheel wheel;
    private final AckerCounters counters = new AckerCounters();
    private long[] xors;
    private long[] progressNs;
    private int[] owners;
    private int[] lastOperators;
    private LedgerState[] states;

    public AckerLedger(AckConfig config, int initialCapacity, long nowNs) {
        this.timeoutNs = config.treeTimeoutNs();
        this.table = new RootTable(initialCapacity);
        this.wheel = TimeoutWheel.covering(timeoutNs, table.capacity(), nowNs);
        int capacity = table.capacity();
        xors = new long[capacity];
        progressNs = new long[capacity];
        owners = new int[capacity];
        lastOperators = new int[capacity];
        states = new LedgerState[capacity];
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
        int handle = table.find(root);
        if (handle == RootTable.NONE) {
            handle = open(root, LedgerState.PENDING, nowNs);
            xors[handle] = xor;
            owners[handle] = owner;
            completeIfZero(handle, out);
            return;
        }
        switch (states[handle]) {
            case PENDING -> counters.duplicateInits++;
            case AWAITING_INIT -> {
                states[handle] = LedgerState.PENDING;
                owners[handle] = owner;
                progressNs[handle] = nowNs;
                xors[handle] ^= xor;
                completeIfZero(handle, out);
            }
            case FAILED_BEFORE_INIT -> {
                counters.failed++;
                out.failed(root, owner);
                close(handle);
            }
        }
    }

    public void onAck(long root, long xor, int operator, long nowNs, VerdictSink out) {
        int handle = table.find(root);
        if (handle == RootTable.NONE) {
            handle = open(root, LedgerState.AWAITING_INIT, nowNs);
            xors[handle] = xor;
            lastOperators[handle] = operator;
            return;
        }
        progressNs[handle] = nowNs;
        lastOperators[handle] = operator;
        xors[handle] ^= xor;
        if (states[handle] == LedgerState.PENDING) {
            completeIfZero(handle, out);
        }
    }

    public void onFail(long root, int operator, long nowNs, VerdictSink out) {
        int handle = table.find(root);
        if (handle == RootTable.NONE) {
            handle = open(root, LedgerState.FAILED_BEFORE_INIT, nowNs);
            lastOperators[handle] = operator;
            return;
        }
        if (states[handle] == LedgerState.PENDING) {
            counters.failed++;
            out.failed(root, owners[handle]);
            close(handle);
        } else {
            states[handle] = LedgerState.FAILED_BEFORE_INIT;
            progressNs[handle] = nowNs;
            lastOperators[handle] = operator;
        }
    }

    /** Answers a source's probe: alive only for an initialized ledger, which alone can still complete. */
    public void onProbe(long root, int owner, VerdictSink out) {
        counters.probesAnswered++;
        int handle = table.find(root);
        if (handle != RootTable.NONE && states[handle] == LedgerState.PENDING) {
            out.alive(root, owner);
        } else {
            out.unknown(root, owner);
        }
    }

    /** Closes every ledger that has had no message for the tree timeout by {@code nowNs}. */
    public void expire(long nowNs, VerdictSink out) {
        for (int handle = wheel.pollDue(nowNs); handle != TimeoutWheel.NONE; handle = wheel.pollDue(nowNs)) {
            long dueNs = progressNs[handle] + timeoutNs;
            if (dueNs > nowNs) {
                wheel.schedule(handle, dueNs);
            } else if (states[handle] == LedgerState.PENDING) {
                counters.timedOut++;
                out.timedOut(table.rootOf(handle), owners[handle], lastOperators[handle]);
                close(handle);
            } else {
                counters.expiredWithoutInit++;
                close(handle);
            }
        }
    }

    /** When {@link #expire} next has work (at most a wheel tick after a deadline); MAX_VALUE if nothing waits. */
    public long nextExpiryNs() {
        return wheel.nextPollNs();
    }

    /** The number of open ledgers, in any state. */
    public int size() {
        return table.size();
    }

    /** The state of {@code root}'s ledger, or null when there is none. */
    public LedgerState state(long root) {
        int handle = table.find(root);
        return handle == RootTable.NONE ? null : states[handle];
    }

    public AckerCounters counters() {
        return counters;
    }

    private void completeIfZero(int handle, VerdictSink out) {
        if (xors[handle] == 0) {
            counters.completed++;
            out.completed(table.rootOf(handle), owners[handle]);
            close(handle);
        }
    }

    private int open(long root, LedgerState state, long nowNs) {
        int handle = table.add(root);
        if (handle >= states.length) {
            grow(table.capacity());
        }
        states[handle] = state;
        progressNs[handle] = nowNs;
        owners[handle] = NO_OWNER;
        lastOperators[handle] = NO_OPERATOR;
        wheel.schedule(handle, nowNs + timeoutNs);
        counters.ledgers++;
        return handle;
    }

    private void close(int handle) {
        wheel.cancel(handle);
        table.remove(handle);
        states[handle] = null;
        counters.ledgers--;
    }

    private void grow(int capacity) {
        xors = Arrays.copyOf(xors, capacity);
        progressNs = Arrays.copyOf(progressNs, capacity);
        owners = Arrays.copyOf(owners, capacity);
        lastOperators = Arrays.copyOf(lastOperators, capacity);
        states = Arrays.copyOf(states, capacity);
        wheel.ensureCapacity(capacity);
    }
}
