package io.shepherd.runtime.ack.sim;

import io.shepherd.runtime.ack.AckIds;
import io.shepherd.runtime.ack.AnchoredInput;
import io.shepherd.runtime.ack.Anchors;
import io.shepherd.runtime.ack.PendingRoots;
import io.shepherd.runtime.ack.VerdictBatch;
import io.shepherd.runtime.ack.VerdictKind;
import io.shepherd.testkit.net.Node;
import io.shepherd.testkit.net.NodeContext;
import io.shepherd.testkit.sim.Timer;
import io.shepherd.testkit.time.SimTime;
import java.util.List;

/**
 * A source subtask reading positions {@code 0 .. recordsPerSource - 1}, replayable by position: the glue
 * around {@link PendingRoots}. It emits a few records per millisecond while it may, replays first, probes on
 * the backstop, and commits its position to the history (its durable store) after every verdict batch. A
 * restart resumes from the committed position.
 */
final class SourceNode implements Node<SimMessage> {
    private static final long PUMP_INTERVAL_NS = SimTime.millis(1);
    private static final int RECORDS_PER_PUMP = 2;

    private final NodeContext<SimMessage> ctx;
    private final Scenario scenario;
    private final AckHistory history;
    private final PendingRoots pending;
    private final AckIds ids;
    private final AckOutbox out;
    private long nextPosition;
    private Timer pump;
    private Timer expiry;

    private SourceNode(NodeContext<SimMessage> ctx, Scenario scenario, AckHistory history) {
        this.ctx = ctx;
        this.scenario = scenario;
        this.history = history;
        this.ids = new AckIds(ctx.random().split());
        this.nextPosition = history.committed(ctx.id());
        this.pending = new PendingRoots(ctx.id(), scenario.ack(), nextPosition, ids, ctx.clock().nanoTime());
        this.out = new AckOutbox(ctx);
    }

    static SourceNode start(NodeContext<SimMessage> ctx, Scenario scenario, AckHistory history) {
        SourceNode node = new SourceNode(ctx, scenario, history);
        node.afterEvent();
        return node;
    }

    PendingRoots pending() {
        return pending;
    }

    /** True once every record has been read and completed. */
    boolean finished() {
        return nextPosition == scenario.recordsPerSource() && pending.pending() == 0;
    }

    @Override
    public void onMessage(int from, SimMessage message) {
        VerdictBatch verdicts = ((SimMessage.ToSource) message).verdicts();
        history.received(verdicts);
        for (int i = 0; i < verdicts.size(); i++) {
            if (verdicts.kind(i) == VerdictKind.COMPLETED && pending.stateOf(verdicts.root(i)) != null) {
                history.completed(ctx.id(), pending.positionOf(verdicts.root(i)));
            }
        }
        pending.accept(verdicts, ctx.clock().nanoTime());
        history.commit(ctx.id(), pending.committedPosition());
        afterEvent();
    }

    private void pump() {
        long nowNs = ctx.clock().nanoTime();
        for (int sent = 0; sent < RECORDS_PER_PUMP; sent++) {
            long root = pending.replayNext(nowNs);
            if (root != PendingRoots.NO_ROOT) {
                history.replays++;
            } else if (pending.canEmit() && nextPosition < scenario.recordsPerSource()) {
                root = pending.emit(nextPosition++, null, nowNs);
            } else {
                break;
            }
            send(root, pending.positionOf(root));
        }
        afterEvent();
    }

    /** Sends the record at {@code position} under {@code root} to its split task, then the root's init. */
    private void send(long root, long position) {
        AnchoredInput record = new AnchoredInput();
        record.resetRoot(root);
        Anchors anchors = new Anchors();
        record.anchor(anchors, ids);
        ctx.send(Workload.splitFor(position),
                SimMessage.Data.of(List.of(Workload.record(ctx.id(), position)), anchors));
        record.init(out.acks(), ctx.id());
    }

    private void expire() {
        long probesBefore = pending.counters().probes;
        pending.expire(ctx.clock().nanoTime(), out.acks());
        history.probes += pending.counters().probes - probesBefore;
        afterEvent();
    }

    /** Sends what the event produced and keeps one pump timer and one expiry timer armed while needed. */
    private void afterEvent() {
        out.flush();
        boolean work = pending.hasReplay() || (pending.canEmit() && nextPosition < scenario.recordsPerSource());
        if (work && (pump == null || !pump.isPending())) {
            pump = ctx.schedule(PUMP_INTERVAL_NS, "emit", this::pump);
        }
        expiry = Expiry.rearm(ctx, expiry, pending.nextExpiryNs(), "backstop", this::expire);
    }
}
