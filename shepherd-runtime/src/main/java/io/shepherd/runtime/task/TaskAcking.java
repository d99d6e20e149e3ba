package io.shepherd.runtime.task;

import io.shepherd.runtime.ack.AckBatch;
import io.shepherd.runtime.ack.AckIds;
import io.shepherd.runtime.ack.AckRouter;
import io.shepherd.runtime.ack.AckSink;
import io.shepherd.runtime.ack.Anchors;
import io.shepherd.runtime.ack.AnchoredInput;
import io.shepherd.runtime.channel.BatchExchange;
import io.shepherd.runtime.channel.RecordBatch;
import io.shepherd.api.ack.Anchoring;
import io.shepherd.runtime.operators.AckControl;
import io.shepherd.runtime.operators.StreamOperator;
import java.util.ArrayList;
import java.util.List;

/**
 * One task's part in ack mode (docs/ack-mode.md).
 *
 * <p><b>The chain is the unit.</b> Operators chained in a task pass records by method call, so the task,
 * not each operator, anchors and acks: for each input record it draws a fresh edge for every record that
 * leaves the task ({@link #addChild}, called by the record writers), and once the chain has returned it
 * acks the input with its edge xor those children's edges. A record filtered out has no children; a
 * flatMap's records are several; a record written by a sink in the chain has none leaving, and its ack
 * waits until the sink is flushed. So map, filter, flatMap and keyed operators anchor automatically, at
 * the cost of one ack per input per task.
 *
 * <p><b>Failures.</b> A user function that throws on a record (under the {@code FAIL} error policy) fails
 * the record's roots at once, through {@link #failCurrentRecord}, instead of failing the job; the sources
 * emit them again.
 *
 * <p><b>Explicit anchoring</b> ({@link Anchoring}): a process function may hold the record it processes
 * instead of having it acked on return, anchor output to several held records, and release them later.
 *
 * <p><b>Delegated inits.</b> A source task whose records each leave it as exactly one child (no operators
 * chained to the source, one output edge, no broadcast) sends neither an edge nor an init: the task that
 * receives the record treats it as the root's first record and sends the init itself, with the edges of
 * its own children. That saves the acker one message per root, and the source one id. A record lost on the
 * way then leaves no ledger, and the source's backstop probe (after the tree timeout) replays it.
 *
 * <p><b>Hand-off.</b> Ack messages gather per acker and go in batches: when a batch is full, or once the
 * buffer timeout has passed since everything was last handed over. Not whenever the input runs dry, as
 * records are: a hand-off moves a batch between threads, and a trickle of small ones costs more than the
 * messages in them; the timeout bounds what waiting adds to a tree's latency. Sinks in the chain are
 * flushed first, so no record is acked before it is written. While a batch cannot go (its acker is behind),
 * the task takes no new input.
 *
 * <p>Runs on the task's thread only; reads the time once per call ({@link #tick}).
 */
final class TaskAcking implements AckControl {
    /** Ack messages for one acker that are handed over without waiting for the task's next flush. */
    static final int HAND_OFF_MESSAGES = 512;

    private final int reporter;
    private final long bufferTimeoutNs;
    /** When every batch, however small, was last handed over. */
    private long lastFullHandOffNs;
    private final AckIds ids;
    private final AckRouter acks;
    private final List<BatchExchange<AckBatch>> toAckers;
    private final List<StreamOperator> flushFirst = new ArrayList<>();
    private final List<OwnedRoots> owned = new ArrayList<>();
    /** The record being processed; replaced by a fresh one when a function holds it. */
    private AnchoredInput input = new AnchoredInput();
    /** The record being processed is held: it is not acked when the chain returns. */
    private boolean held;
    /** Explicit anchoring: records emitted now are anchored to these too; null otherwise. */
    private Anchoring.Held[] explicit;
    /** The current input has anchors: its children are anchored to them, and it is acked when done. */
    private boolean tracked;
    /** The current input's root, when it has exactly one; else 0. */
    private long root;
    private boolean failed;
    /** The record being processed is one this task owns. */
    private boolean ownRecord;
    /** This source task leaves the inits of its roots to the receivers, for this owner; else -1. */
    private int delegatedOwner = -1;
    /** The current input's init is this task's to send, for this owner; else -1. */
    private int inputInitOwner = -1;
    private boolean blocked;
    private long nowNs;

    /**
     * @param reporter this task's index, which its acks carry so that a timed-out tree can be traced to it
     * @param toAckers to each acker, in acker order
     */
    TaskAcking(int reporter, AckIds ids, List<BatchExchange<AckBatch>> toAckers, long bufferTimeoutNs) {
        this.reporter = reporter;
        this.bufferTimeoutNs = bufferTimeoutNs;
        this.ids = ids;
        this.toAckers = toAckers;
        this.acks = new AckRouter(toAckers.size(), HAND_OFF_MESSAGES);
    }

    /** Chain operators that write out of the engine (sinks): flushed before any ack is handed over. */
    void flushBeforeAcking(StreamOperator operator) {
        flushFirst.add(operator);
    }

    void addOwned(OwnedRoots roots) {
        owned.add(roots);
    }

    /** Leaves the inits of {@code roots} to the receivers; only for a source each of whose records has one child. */
    void delegateInits(OwnedRoots roots) {
        delegatedOwner = roots.owner();
    }

    /** The owner whose inits the receivers of this task's records send, or -1. */
    int delegatedOwner() {
        return delegatedOwner;
    }

    List<OwnedRoots> owned() {
        return owned;
    }

    long nowNs() {
        return nowNs;
    }

    AckSink sink() {
        return acks;
    }

    /** Reads the time for this call, takes the ackers' verdicts, and probes roots that went quiet. */
    boolean tick(long nowNs) {
        this.nowNs = nowNs;
        boolean any = false;
        for (OwnedRoots roots : owned) {
            any |= roots.receiveVerdicts(nowNs);
            roots.expire(nowNs, this);
        }
        return any;
    }

    /** Emits up to {@code max} records waiting for a replay; returns how many. */
    int replay(int max) {
        int replayed = 0;
        for (OwnedRoots roots : owned) {
            while (replayed < max && roots.replayOne(this)) {
                replayed++;
            }
        }
        return replayed;
    }

    /** Whether the task may take new input: its acks are not held up, and its own roots are under max pending. */
    boolean acceptsInput() {
        if (blocked) {
            return false;
        }
        for (OwnedRoots roots : owned) {
            if (!roots.canEmit()) {
                return false;
            }
        }
        return true;
    }

    /** Whether records this task owns still wait for their trees to complete. */
    boolean hasPendingRoots() {
        for (OwnedRoots roots : owned) {
            if (roots.hasPending()) {
                return true;
            }
        }
        return false;
    }

    // Input records: called by the task around the chain's processing of each record.

    /** Starts on record {@code index} of {@code batch}. */
    void beginInput(RecordBatch batch, int index) {
        failed = false;
        root = batch.root(index);
        inputInitOwner = batch.initOwner();
        if (root != 0) {
            if (inputInitOwner >= 0) {
                input.resetRoot(root);
            } else {
                input.reset(root, batch.edge(index));
            }
            tracked = true;
            return;
        }
        Anchors anchors = batch.multiAnchors(index);
        tracked = anchors != null;
        if (tracked) {
            input.reset(anchors);
        }
    }

    /** Done with the current input: acks it with its children's edges, or fails it, unless it is held. */
    void endInput() {
        if (held) {
            input = new AnchoredInput();
            held = false;
        } else if (tracked) {
            settle(input, failed, inputInitOwner);
        }
        tracked = false;
        root = 0;
    }

    /**
     * Acks or fails a record. A record whose init was left to this task registers its root instead of an
     * ack; when it failed, with a xor that is not 0 (a tree registered with 0 is complete on arrival), then
     * the fail, which the acker reports to the owner the init named.
     */
    private void settle(AnchoredInput record, boolean fail, int initOwner) {
        if (initOwner >= 0) {
            if (fail) {
                acks.init(record.anchors().root(0), ids.next(), initOwner);
                record.fail(acks, reporter);
            } else {
                record.init(acks, initOwner);
            }
        } else if (fail) {
            record.fail(acks, reporter);
        } else {
            record.ack(acks, reporter);
        }
    }

    /** Starts on a record this task emits under {@code root}, which it owns. */
    void beginRoot(long root) {
        failed = false;
        this.root = root;
        input.resetRoot(root);
        tracked = true;
        ownRecord = true;
    }

    /** Done with an owned record: registers its tree with its acker (the init), or settles it here. */
    void endRoot(long root, OwnedRoots owner) {
        tracked = false;
        ownRecord = false;
        this.root = 0;
        if (failed) {
            owner.failedHere(root);
        } else if (delegatedOwner >= 0) {
            return; // the task that receives the record sends the init
        } else if (input.childXor() == 0 && flushFirst.isEmpty()) {
            owner.completedHere(root, nowNs);
        } else {
            input.init(acks, owner.owner());
        }
    }

    /** Whether a record is being processed whose output is tracked (an input, or an owned record). */
    boolean inRecord() {
        return tracked;
    }

    /**
     * Fails the record being processed. A record that failed further down the chain during an explicitly
     * anchored emission fails the held records it was anchored to as well: their release then fails them.
     */
    @Override
    public boolean failCurrentRecord() {
        if (explicit != null) {
            for (Anchoring.Held h : explicit) {
                ((HeldRecord) h).markFailed();
            }
        }
        if (!tracked) {
            return explicit != null;
        }
        failed = true;
        return true;
    }

    /**
     * Appends a record leaving the task to {@code batch}, anchored to the record being processed with a
     * fresh edge (untracked when none is); returns true when the batch is now full.
     */
    boolean addChild(RecordBatch batch, Object record, long timestamp, Object key) {
        if (explicit != null) {
            return addExplicitChild(batch, record, timestamp, key);
        }
        if (root != 0) {
            long edge = ownRecord && delegatedOwner >= 0 ? 0 : input.anchorOneRoot(ids);
            return batch.addAnchored(record, timestamp, key, root, edge);
        }
        if (tracked) {
            Anchors anchors = new Anchors();
            input.anchor(anchors, ids);
            return batch.addMultiAnchored(record, timestamp, key, anchors);
        }
        return batch.addAnchored(record, timestamp, key, 0, 0);
    }

    private boolean addExplicitChild(RecordBatch batch, Object record, long timestamp, Object key) {
        Anchors anchors = new Anchors();
        if (tracked) {
            input.anchor(anchors, ids);
        }
        for (Anchoring.Held h : explicit) {
            ((HeldRecord) h).input().anchor(anchors, ids);
        }
        if (anchors.size() == 0) {
            return batch.addAnchored(record, timestamp, key, 0, 0);
        }
        return batch.addMultiAnchored(record, timestamp, key, anchors);
    }

    // Explicit anchoring.

    /** Holds the input being processed; records this task owns (a source's, a window's) are not held. */
    @Override
    public Anchoring.Held hold() {
        if (!tracked || held || ownRecord) {
            return null;
        }
        held = true;
        return new HeldRecord(input, inputInitOwner);
    }

    @Override
    public void anchorTo(Anchoring.Held[] held) {
        for (Anchoring.Held h : held) {
            requireOpen(h);
        }
        explicit = held;
    }

    @Override
    public void clearExplicitAnchors() {
        explicit = null;
    }

    @Override
    public void release(Anchoring.Held held) {
        HeldRecord record = requireOpen(held);
        settle(close(held), record.hasFailed(), record.initOwner());
    }

    @Override
    public void fail(Anchoring.Held held) {
        HeldRecord record = requireOpen(held);
        settle(close(held), true, record.initOwner());
    }

    /** Closes a held record; one released while it is still being processed anchors nothing more. */
    private AnchoredInput close(Anchoring.Held held) {
        AnchoredInput record = requireOpen(held).close();
        if (record == input) {
            tracked = false;
            root = 0;
        }
        return record;
    }

    private static HeldRecord requireOpen(Anchoring.Held held) {
        if (!(held instanceof HeldRecord record)) {
            throw new IllegalArgumentException("not a handle from Anchoring.hold() of this task: " + held);
        }
        if (record.isClosed()) {
            throw new IllegalStateException("this held record was released or failed already; each handle is "
                    + "released or failed once");
        }
        return record;
    }

    // Hand-off to the ackers.

    /**
     * Hands over each acker's messages once there are {@code min} or more (1: everything), sinks flushed
     * first; returns true when nothing that should have gone is left.
     */
    void handOff(long nowNs) throws Exception {
        if (nowNs - lastFullHandOffNs >= bufferTimeoutNs) {
            if (handOff(1)) {
                lastFullHandOffNs = nowNs;
            }
        } else {
            handOff(HAND_OFF_MESSAGES);
        }
    }

    private boolean handOff(int min) throws Exception {
        boolean flushed = false;
        blocked = false;
        for (int acker = 0; acker < toAckers.size(); acker++) {
            AckBatch batch = acks.batch(acker);
            if (batch.size() < Math.max(min, 1)) {
                continue;
            }
            if (!flushed) {
                for (StreamOperator operator : flushFirst) {
                    operator.flushBeforeAck();
                }
                flushed = true;
            }
            BatchExchange<AckBatch> exchange = toAckers.get(acker);
            if (exchange.send(batch)) {
                acks.swap(acker, exchange.emptyBatch());
            } else {
                blocked = true;
            }
        }
        return !blocked;
    }

    /** Hands over what is left; once it all went, ends the exchanges and stops reading verdicts. */
    boolean finish() throws Exception {
        if (!handOff(1)) {
            return false;
        }
        toAckers.forEach(BatchExchange::end);
        owned.forEach(OwnedRoots::close);
        return true;
    }
}
