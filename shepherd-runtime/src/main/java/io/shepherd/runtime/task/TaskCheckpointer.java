package io.shepherd.runtime.task;

import io.shepherd.api.checkpoint.CheckpointingMode;
import io.shepherd.common.Clock;
import io.shepherd.runtime.channel.StreamEvent.CancelBarrier;
import io.shepherd.runtime.channel.StreamEvent.CheckpointBarrier;
import io.shepherd.runtime.checkpoint.CheckpointOptions;
import io.shepherd.runtime.checkpoint.StateHandle;
import io.shepherd.runtime.checkpoint.TaskCheckpointStats;
import io.shepherd.runtime.checkpoint.TaskId;
import io.shepherd.runtime.operators.StreamOperator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Takes one task's part of each checkpoint. The synchronous part, on the task thread as the
 * barrier passes: every operator's state is copied (the source's position first) and the barrier
 * is sent on. The asynchronous part, on a snapshot writer thread: the copy is serialized, written
 * and acknowledged to the coordinator, while the task goes on processing. An unaligned snapshot
 * is written once its in-flight data has been captured.
 */
final class TaskCheckpointer implements BarrierHandler.Actions {
    private final TaskId taskId;
    private final String taskName;
    private final SourceDriver source;
    private final List<StreamOperator> operators;
    private final InputGate gate;
    private final TaskOutputs outputs;
    private final CheckpointServices services;
    private final Clock clock;
    private final Map<Long, PendingSnapshot> awaitingInFlight = new HashMap<>();
    /** Checkpoints given up, read by the snapshot writers so they do not write for them in vain. */
    private final Set<Long> abandoned = ConcurrentHashMap.newKeySet();
    /** Each checkpoint is snapshotted once, whether its barrier or a direct trigger comes first. */
    private long lastSnapshotId = Long.MIN_VALUE;
    /** The task has ended its output: it snapshots its final state on triggers and sends nothing on. */
    private boolean finished;

    private static final long MAX_ABANDONED_REMEMBERED = 64;

    private record PendingSnapshot(CheckpointBarrier barrier, TaskSnapshot snapshot, long syncNanos, long alignmentNanos) {}

    TaskCheckpointer(TaskId taskId, String taskName, SourceDriver source, List<StreamOperator> operators,
            InputGate gate, TaskOutputs outputs, CheckpointServices services, Clock clock) {
        this.taskId = taskId;
        this.taskName = taskName;
        this.source = source;
        this.operators = operators;
        this.gate = gate;
        this.outputs = outputs;
        this.services = services;
        this.clock = clock;
    }

    /** A checkpoint started here: at a source, between two polls, or at a task that has finished. */
    void trigger(long checkpointId, long timestampMs, CheckpointOptions options) throws Exception {
        boolean unaligned = options.mode() == CheckpointingMode.UNALIGNED;
        snapshot(new CheckpointBarrier(checkpointId, timestampMs, options), unaligned && !finished, 0);
    }

    /** The task's output has ended; from now on its snapshots hold its final state. */
    void markFinished() {
        finished = true;
    }

    @Override
    public void snapshot(CheckpointBarrier barrier, boolean unaligned, long alignmentNanos) throws Exception {
        long id = barrier.checkpointId();
        if (id <= lastSnapshotId) {
            return;
        }
        lastSnapshotId = id;
        abandoned.removeIf(old -> old < id - MAX_ABANDONED_REMEMBERED);
        long start = clock.nanoTime();
        TaskSnapshot snapshot = new TaskSnapshot(gate == null ? new long[0] : gate.watermarks());
        if (source != null) {
            snapshot.addOperator(source.uid(), source.snapshot(id));
        }
        for (StreamOperator operator : operators) {
            operator.prepareSnapshot(id);
            snapshot.addOperator(operator.context().uid(), operator.snapshotState());
        }
        if (!finished) {
            outputs.broadcastBarrier(barrier, unaligned);
        }
        PendingSnapshot pending = new PendingSnapshot(barrier, snapshot, clock.nanoTime() - start, alignmentNanos);
        if (unaligned && gate != null) {
            awaitingInFlight.put(id, pending);
        } else {
            write(pending);
        }
    }

    @Override
    public void inFlightDataCaptured(long checkpointId, List<List<Object>> channels) {
        PendingSnapshot pending = awaitingInFlight.remove(checkpointId);
        if (pending != null) {
            pending.snapshot().setInFlight(channels);
            write(pending);
        }
    }

    @Override
    public void abort(long checkpointId, String reason, boolean forward) {
        abandoned.add(checkpointId);
        awaitingInFlight.remove(checkpointId);
        if (forward && !finished) {
            outputs.broadcastAhead(new CancelBarrier(checkpointId));
        }
        services.responder().decline(checkpointId, taskId, taskName + ": " + reason);
    }

    /** The coordinator gave the checkpoint up: stop aligning or capturing for it. */
    void aborted(long checkpointId) {
        abandoned.add(checkpointId);
        awaitingInFlight.remove(checkpointId);
        if (gate != null && gate.barrierHandler() != null) {
            gate.barrierHandler().abort(checkpointId);
        }
    }

    void completed(long checkpointId) throws Exception {
        for (StreamOperator operator : operators) {
            operator.notifyCheckpointComplete(checkpointId);
        }
    }

    private void write(PendingSnapshot pending) {
        services.snapshotWriter().execute(() -> {
            long id = pending.barrier().checkpointId();
            if (abandoned.contains(id)) {
                return;
            }
            long start = System.nanoTime();
            try {
                byte[] bytes = pending.snapshot().serialize();
                StateHandle handle = services.storage().writeState(id, pending.barrier().options().type(), taskId, bytes);
                TaskCheckpointStats stats = new TaskCheckpointStats(pending.syncNanos(), System.nanoTime() - start,
                        pending.alignmentNanos(), pending.snapshot().stateBytes(), pending.snapshot().channelStateBytes());
                services.responder().acknowledge(id, taskId, handle, stats);
            } catch (Throwable e) {
                services.responder().decline(id, taskId, taskName + ": writing the snapshot failed: " + e);
            }
        });
    }
}
