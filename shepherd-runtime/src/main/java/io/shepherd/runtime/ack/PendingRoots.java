package io.shepherd.runtime.ack;

/**
 * A source subtask's side of ack mode: the records emitted and not completed yet, by root, with their
 * replayable position, emit time and attempt count. A pure state machine: the source calls it as it emits,
 * hands it the verdicts and the time, and sends the probes it asks for; no thread, no clock.
 *
 * <ul>
 *   <li><b>Flow control.</b> {@link #canEmit} turns false at {@code maxPending} pending records (or when
 *       {@code maxUncommitted} records sit past the committed position): the source stops reading, which
 *       bounds memory and slows a source down to what its pipeline completes.
 *   <li><b>Completion.</b> {@link VerdictKind#COMPLETED} forgets the record, records its complete latency
 *       and may move {@link #committedPosition} forward.
 *   <li><b>Replay.</b> {@link VerdictKind#FAILED}, {@link VerdictKind#TIMED_OUT} and
 *       {@link VerdictKind#UNKNOWN} put the record in line for {@link #replayNext}, which emits it under a
 *       fresh root, so late messages of the old tree can never complete the new one.
 *   <li><b>Backstop.</b> A lost init, or a lost verdict, would leave a root pending forever, since its acker
 *       has nothing (left) to time out. So when nothing has been heard of a root for {@code backstopNs}, the
 *       source probes its acker ({@link #expire}): {@link VerdictKind#ALIVE} means the tree is slow but
 *       tracked, and restarts the wait, so a healthy slow tree is never replayed;
 *       {@link VerdictKind#UNKNOWN} replays it; no answer probes again after {@code probeRetryNs}.
 *   <li>A verdict for a root that is not pending (late, duplicated, or of an earlier attempt) is ignored.
 * </ul>
 *
 * <p><b>Roots name their slot.</b> A record's fields live in plain arrays at a handle, and the handle is the
 * low bits of its root id (the rest random): a verdict finds its record by a mask and one comparison, with no
 * hash table. A replay keeps the handle and draws new random bits, so the old root no longer matches. Root ids
 * stay random where the ackers look (their top bits partition them, and their tables hash all 64).
 *
 * <p><b>Backstop checks are lazy.</b> Nothing is scheduled per record: {@link #expire} scans the table only
 * once the earliest deadline it knew of has come, and then learns the next one. Records complete long before
 * the backstop, so a scan happens about once per backstop period.
 *
 * <p>Emitting and completing allocate nothing. Not thread-safe: one instance per source subtask.
 */
public final class PendingRoots {
    /** Returned by {@link #replayNext} when nothing waits to be replayed; no root has this id. */
    public static final long NO_ROOT = 0;
    private static final int NONE = -1;

    private final int owner;
    private final int maxPending;
    private final int slack;
    private final long backstopNs;
    private final long probeRetryNs;
    private final AckIds ids;
    private final long handleMask;
    /** Null when the source keeps its records for replay, so nothing bounds how far it runs ahead. */
    private final CompletionWatermark watermark;
    private final SourceAckCounters counters = new SourceAckCounters();
    /** Handle to its record's current root; 0 while the handle is free or its record waits for a replay. */
    private final long[] roots;
    private final long[] positions;
    private final Object[] records;
    private final long[] timestamps;
    private final long[] emitNs;
    /** When the record was last heard of, or, while probing, last probed. */
    private final long[] heardNs;
    private final int[] attempts;
    private final int[] watermarkSlots;
    private final PendingState[] states;
    /**
     * Free handles, a ring taken from the head and given back at the tail: handles are reused in the order
     * their records completed, about the order they were emitted, so emits and verdicts sweep the arrays
     * in order instead of hopping around them.
     */
    private final int[] free;
    private int freeHead;
    private int freeCount;
    /** Handles waiting to be replayed, oldest first, in a ring. */
    private final int[] replays;
    private int replayHead;
    private int replayCount;
    /** No backstop deadline is due before this; MAX_VALUE when nothing is in flight. */
    private long nextCheckNs = Long.MAX_VALUE;
    /** Just past the highest position emitted: the committed position when nothing is pending. */
    private long endPosition;

    /**
     * @param owner this source subtask's id, as the ackers address verdicts to it
     * @param startPosition where this subtask starts reading: its last committed position, on a restart
     */
    public PendingRoots(int owner, AckConfig config, long startPosition, AckIds ids, long nowNs) {
        this(owner, config, 0, startPosition, ids, nowNs);
    }

    /**
     * @param slack records {@link #emit} still takes once {@link #canEmit} is false: a source reader's poll
     *     may emit several records, and a poll that started under the limit is allowed to finish
     */
    public PendingRoots(int owner, AckConfig config, int slack, long startPosition, AckIds ids, long nowNs) {
        if (slack < 0) {
            throw new IllegalArgumentException("slack must be >= 0, got " + slack);
        }
        this.owner = owner;
        this.maxPending = config.maxPending();
        this.slack = slack;
        this.backstopNs = config.backstopNs();
        this.probeRetryNs = config.probeRetryNs();
        this.ids = ids;
        int capacity = Integer.highestOneBit(Math.max(1, maxPending + slack - 1)) << 1;
        this.handleMask = capacity - 1;
        this.watermark = config.maxUncommitted() == AckConfig.UNLIMITED_UNCOMMITTED ? null
                : new CompletionWatermark(config.maxUncommitted(), slack, startPosition);
        this.endPosition = startPosition;
        roots = new long[capacity];
        positions = new long[capacity];
        records = new Object[capacity];
        timestamps = new long[capacity];
        emitNs = new long[capacity];
        heardNs = new long[capacity];
        attempts = new int[capacity];
        watermarkSlots = new int[capacity];
        states = new PendingState[capacity];
        replays = new int[capacity];
        free = new int[capacity];
        for (int handle = 0; handle < capacity; handle++) {
            free[freeCount++] = handle;
        }
    }

    /** True when the source may emit a new record: under max pending, and under max uncommitted. */
    public boolean canEmit() {
        return counters.pending < maxPending && (watermark == null || !watermark.isFull());
    }

    /** True when not even the slack has room: {@link #emit} would fail. */
    public boolean isFull() {
        return counters.pending >= maxPending + slack || (watermark != null && watermark.isFullWithSlack());
    }

    /**
     * Registers a new record and returns its root. The caller sends the record anchored to that root (see
     * {@link AnchoredInput#resetRoot}) and then its init.
     *
     * @param position where the record can be read again; must increase with each record
     * @param record the record itself, kept for the replay; null if the source re-reads from the position
     */
    public long emit(long position, Object record, long nowNs) {
        return emit(position, record, Long.MIN_VALUE, nowNs);
    }

    /** As {@link #emit(long, Object, long)}, keeping the record's event timestamp for its replay too. */
    public long emit(long position, Object record, long timestamp, long nowNs) {
        if (isFull()) {
            throw new IllegalStateException("source subtask " + owner + " cannot emit: " + counters.pending
                    + " roots pending (max " + maxPending + ")" + (slack > 0 ? " with " + slack + " more to finish a poll"
                    : "") + ", " + (watermark == null ? 0 : watermark.uncommitted())
                    + " records uncommitted; start emitting only while canEmit() is true");
        }
        if (watermark == null && position < endPosition) {
            throw new IllegalArgumentException("positions must increase with each record: got " + position
                    + " after " + (endPosition - 1));
        }
        int watermarkSlot = watermark == null ? 0 : watermark.add(position);
        int handle = free[freeHead];
        freeHead = (freeHead + 1) & (int) handleMask;
        freeCount--;
        watermarkSlots[handle] = watermarkSlot;
        positions[handle] = position;
        records[handle] = record;
        timestamps[handle] = timestamp;
        attempts[handle] = 1;
        endPosition = position + 1;
        counters.pending++;
        counters.emitted++;
        return launch(handle, nowNs);
    }

    /** True when a failed or timed-out record waits to be emitted again. */
    public boolean hasReplay() {
        return replayCount > 0;
    }

    /**
     * Takes the oldest record waiting to be replayed, gives it a fresh root and returns the root, or
     * {@link #NO_ROOT} if none waits. The caller emits {@link #recordOf} it, as for {@link #emit}. Replays
     * need no room under max pending: their records never left the table.
     */
    public long replayNext(long nowNs) {
        if (replayCount == 0) {
            return NO_ROOT;
        }
        int handle = replays[replayHead];
        replayHead = (replayHead + 1) % replays.length;
        replayCount--;
        attempts[handle]++;
        counters.replayed++;
        return launch(handle, nowNs);
    }

    /** Applies every verdict of {@code batch}, in order. */
    public void accept(VerdictBatch batch, long nowNs) {
        for (int i = 0, n = batch.size(); i < n; i++) {
            long root = batch.root(i);
            switch (batch.kind(i)) {
                case COMPLETED -> onCompleted(root, nowNs);
                case FAILED -> onFailed(root);
                case TIMED_OUT -> onTimedOut(root, batch.operator(i));
                case ALIVE -> onAlive(root, nowNs);
                case UNKNOWN -> onUnknown(root);
            }
        }
    }

    public void onCompleted(long root, long nowNs) {
        int handle = find(root);
        if (handle == NONE) {
            return;
        }
        long latencyUs = (nowNs - emitNs[handle]) / 1_000;
        counters.completeLatencyUs.recordValue(Math.min(Math.max(latencyUs, 0), SourceAckCounters.MAX_LATENCY_US));
        if (watermark != null) {
            watermark.complete(watermarkSlots[handle]);
        }
        roots[handle] = 0;
        records[handle] = null;
        states[handle] = null;
        free[(freeHead + freeCount++) & (int) handleMask] = handle;
        counters.pending--;
        counters.completed++;
    }

    public void onFailed(long root) {
        int handle = find(root);
        if (handle != NONE) {
            counters.failed++;
            awaitReplay(handle);
        }
    }

    /** @param lastOperator the operator that acked last in the tree, as the acker reported it */
    public void onTimedOut(long root, int lastOperator) {
        int handle = find(root);
        if (handle != NONE) {
            counters.timedOut++;
            counters.lastTimeoutOperator = lastOperator;
            awaitReplay(handle);
        }
    }

    public void onAlive(long root, long nowNs) {
        int handle = find(root);
        if (handle != NONE) {
            heardNs[handle] = nowNs;
            states[handle] = PendingState.IN_FLIGHT;
        }
    }

    public void onUnknown(long root) {
        int handle = find(root);
        if (handle != NONE) {
            counters.unknownToAcker++;
            awaitReplay(handle);
        }
    }

    /**
     * Probes, through {@code probes}, the acker of every root nothing has been heard of for the backstop
     * time, and again every probe retry while no answer comes.
     */
    public void expire(long nowNs, AckSink probes) {
        if (nowNs < nextCheckNs) {
            return;
        }
        long next = Long.MAX_VALUE;
        for (int handle = 0; handle < roots.length; handle++) {
            long root = roots[handle];
            if (root == 0) {
                continue;
            }
            long dueNs = heardNs[handle] + (states[handle] == PendingState.PROBING ? probeRetryNs : backstopNs);
            if (dueNs <= nowNs) {
                states[handle] = PendingState.PROBING;
                heardNs[handle] = nowNs;
                counters.probes++;
                probes.probe(root, owner);
                dueNs = nowNs + probeRetryNs;
            }
            next = Math.min(next, dueNs);
        }
        nextCheckNs = next;
    }

    /** When {@link #expire} next has work; MAX_VALUE if nothing waits. */
    public long nextExpiryNs() {
        return nextCheckNs;
    }

    /** Every record emitted below this position has completed: a restart may resume reading here. */
    public long committedPosition() {
        if (watermark != null) {
            return watermark.committed();
        }
        long lowest = endPosition;
        for (int handle = 0; handle < positions.length; handle++) {
            if (states[handle] != null) {
                lowest = Math.min(lowest, positions[handle]);
            }
        }
        return lowest;
    }

    /** The record emitted under {@code root}, which must be pending; null if the source keeps positions only. */
    public Object recordOf(long root) {
        return records[pendingHandle(root)];
    }

    /** The event timestamp given with the record emitted under {@code root}, which must be pending. */
    public long timestampOf(long root) {
        return timestamps[pendingHandle(root)];
    }

    /** The position of the record emitted under {@code root}, which must be pending. */
    public long positionOf(long root) {
        return positions[pendingHandle(root)];
    }

    /** How many times the record under {@code root}, which must be pending, has been emitted. */
    public int attemptsOf(long root) {
        return attempts[pendingHandle(root)];
    }

    /** The state of the record under {@code root}, or null if no pending record has that root. */
    public PendingState stateOf(long root) {
        int handle = handleOf(root);
        return handle == NONE ? null : states[handle];
    }

    /** Records emitted and not completed, including those waiting to be replayed. */
    public int pending() {
        return (int) counters.pending;
    }

    public SourceAckCounters counters() {
        return counters;
    }

    /** Binds the handle to a fresh root whose low bits are the handle. */
    private long launch(int handle, long nowNs) {
        long root;
        do {
            root = (ids.next() & ~handleMask) | handle;
        } while (root == 0);
        roots[handle] = root;
        emitNs[handle] = nowNs;
        heardNs[handle] = nowNs;
        states[handle] = PendingState.IN_FLIGHT;
        nextCheckNs = Math.min(nextCheckNs, nowNs + backstopNs);
        return root;
    }

    private void awaitReplay(int handle) {
        roots[handle] = 0;
        states[handle] = PendingState.AWAITING_REPLAY;
        replays[(replayHead + replayCount) % replays.length] = handle;
        replayCount++;
    }

    private int handleOf(long root) {
        int handle = (int) (root & handleMask);
        return root != 0 && roots[handle] == root ? handle : NONE;
    }

    private int find(long root) {
        int handle = handleOf(root);
        if (handle == NONE) {
            counters.ignoredVerdicts++;
        }
        return handle;
    }

    private int pendingHandle(long root) {
        int handle = handleOf(root);
        if (handle == NONE) {
            throw new IllegalArgumentException("root " + Long.toHexString(root) + " is not in flight at source"
                    + " subtask " + owner + "; records are read by the root replayNext or emit returned");
        }
        return handle;
    }
}
