package io.shepherd.runtime.task;

import io.shepherd.runtime.ack.AckerLedger;
import io.shepherd.runtime.ack.PendingRoots;
import io.shepherd.runtime.ack.SourceAckCounters;
import io.shepherd.runtime.ack.VerdictBatch;
import io.shepherd.runtime.ack.VerdictKind;
import io.shepherd.runtime.channel.BatchExchange;
import io.shepherd.runtime.operators.Output;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ack mode, at one place where records enter the tracked dataflow with no input to anchor to: a source's
 * reader, or a keyed operator emitting from its state (a window's result, a timer's output). Each such record
 * gets a fresh root and is kept until its tree completes; the ackers' verdicts come back here, and a failed
 * or timed-out record is emitted again, into the same place, under a fresh root.
 *
 * <p>Runs on its task's thread. The record itself is kept for the replay: its memory is bounded by max
 * pending, since a source stops reading at the limit and a keyed operator's task stops taking input.
 */
final class OwnedRoots {
    private static final Logger LOG = LoggerFactory.getLogger(OwnedRoots.class);
    /** Timeouts are logged one by one up to this many per owner, then only counted. */
    private static final long MAX_LOGGED_TIMEOUTS = 20;

    private final int owner;
    private final String name;
    private final PendingRoots pending;
    private final List<BatchExchange<VerdictBatch>> verdicts;
    private final List<String> taskNames;
    private Output target;
    private long nextPosition;
    /** Records emitted without tracking because not even the slack of the pending table had room. */
    private long untracked;
    /** Where the most recent timed-out tree was held, and when; read by other threads for metrics. */
    private volatile String lastTimeout;
    private volatile long lastTimeoutNs;

    /**
     * @param owner this owner's id, which the ackers address verdicts to
     * @param verdicts from each acker, in acker order
     * @param taskNames every task of the deployment by index, to name the task holding a timed-out tree
     */
    OwnedRoots(int owner, String name, PendingRoots pending, List<BatchExchange<VerdictBatch>> verdicts,
            List<String> taskNames) {
        this.owner = owner;
        this.name = name;
        this.pending = pending;
        this.verdicts = verdicts;
        this.taskNames = taskNames;
    }

    /** Where this owner's records (and their replays) go. */
    void setTarget(Output target) {
        this.target = target;
    }

    int owner() {
        return owner;
    }

    /** Under max pending: new records may come. */
    boolean canEmit() {
        return pending.canEmit();
    }

    boolean hasPending() {
        return pending.pending() > 0;
    }

    SourceAckCounters counters() {
        return pending.counters();
    }

    long untracked() {
        return untracked;
    }

    /** Registers {@code record} under a fresh root and emits it; beyond the table's slack, emits it untracked. */
    void emit(Object record, long timestamp, TaskAcking acking) {
        if (pending.isFull()) {
            if (untracked++ == 0) {
                LOG.warn("{}: {} records pending, more than its table holds; further output is emitted without "
                        + "tracking (at-most-once) until some complete", name, pending.pending());
            }
            target.emit(record, timestamp);
            return;
        }
        long root = pending.emit(nextPosition++, record, timestamp, acking.nowNs());
        launch(root, record, timestamp, acking);
    }

    /** Emits the oldest record waiting for a replay, under a fresh root; false if none waits. */
    boolean replayOne(TaskAcking acking) {
        if (!pending.hasReplay()) {
            return false;
        }
        long root = pending.replayNext(acking.nowNs());
        launch(root, pending.recordOf(root), pending.timestampOf(root), acking);
        return true;
    }

    private void launch(long root, Object record, long timestamp, TaskAcking acking) {
        acking.beginRoot(root);
        target.emit(record, timestamp);
        acking.endRoot(root, this);
    }

    /** The task's own chain failed the record under {@code root}: replay it without asking an acker. */
    void failedHere(long root) {
        pending.onFailed(root);
    }

    /** Nothing left the task for the record under {@code root}, and nothing needs flushing: it is complete. */
    void completedHere(long root, long nowNs) {
        pending.onCompleted(root, nowNs);
    }

    /** Takes every verdict the ackers sent; returns whether there was any. */
    boolean receiveVerdicts(long nowNs) {
        boolean any = false;
        for (BatchExchange<VerdictBatch> exchange : verdicts) {
            for (VerdictBatch batch = exchange.receive(); batch != null; batch = exchange.receive()) {
                any = true;
                noteTimeouts(batch, nowNs);
                pending.accept(batch, nowNs);
                batch.clear();
                exchange.recycle(batch);
            }
        }
        return any;
    }

    /** Probes the ackers about roots nothing has been heard of for the backstop time. */
    void expire(long nowNs, TaskAcking acking) {
        if (pending.nextExpiryNs() <= nowNs) {
            pending.expire(nowNs, acking.sink());
        }
    }

    /** Reads no more verdicts: whatever comes later is for roots that are long complete. */
    void close() {
        verdicts.forEach(BatchExchange::abandon);
    }

    /** Where the most recent timed-out tree of this owner was held; null if none timed out. */
    String lastTimeout() {
        return lastTimeout;
    }

    long lastTimeoutNs() {
        return lastTimeoutNs;
    }

    private void noteTimeouts(VerdictBatch batch, long nowNs) {
        for (int i = 0; i < batch.size(); i++) {
            if (batch.kind(i) != VerdictKind.TIMED_OUT || pending.stateOf(batch.root(i)) == null) {
                continue;
            }
            int last = batch.operator(i);
            String held = name + (last == AckerLedger.NO_OPERATOR
                    ? ": no task acknowledged any record of the tree; held by the tasks it sends to"
                    : ": last acknowledged by " + taskNames.get(last) + "; held there or by a task it sends to");
            lastTimeout = held;
            lastTimeoutNs = nowNs;
            if (pending.counters().timedOut < MAX_LOGGED_TIMEOUTS) {
                LOG.warn("tree of root {} made no progress for the tree timeout and is replayed: {}",
                        Long.toHexString(batch.root(i)), held);
            }
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
