package io.shepherd.runtime.checkpoint;

import io.shepherd.runtime.checkpoint.CoordinatorAction.Discard;
import io.shepherd.runtime.checkpoint.CoordinatorAction.NotifyAborted;
import io.shepherd.runtime.checkpoint.CoordinatorAction.NotifyCompleted;
import io.shepherd.runtime.checkpoint.CoordinatorAction.RecordCompletion;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The real coordinator, with one {@link Flaw} grafted on from outside (or none): the simulation drives
 * this, so that the same harness runs the correct protocol and the broken ones.
 */
final class FlawedCoordinator {

    private final CheckpointCoordinator real;
    private final Flaw flaw;
    private final Map<Long, Set<TaskId>> acksSeen = new HashMap<>();

    FlawedCoordinator(CheckpointCoordinator real, Flaw flaw) {
        this.real = real;
        this.flaw = flaw;
    }

    CheckpointCoordinator real() {
        return real;
    }

    List<CoordinatorAction> tick(long nowMs) {
        return graft(real.tick(nowMs));
    }

    List<CoordinatorAction> triggerSavepoint(long nowMs) {
        return graft(real.triggerSavepoint(nowMs));
    }

    List<CoordinatorAction> acknowledge(long checkpointId, TaskId task, StateHandle state, TaskCheckpointStats stats,
            long nowMs) {
        TaskId counted = task;
        Set<TaskId> seen = acksSeen.computeIfAbsent(checkpointId, id -> new HashSet<>());
        if (flaw == Flaw.COUNTS_DUPLICATE_ACKS && !seen.add(task)) {
            counted = real.allTasks().stream().filter(t -> !seen.contains(t)).findFirst().orElse(task);
            seen.add(counted);
        }
        return graft(real.acknowledge(checkpointId, counted, state, stats, nowMs));
    }

    List<CoordinatorAction> decline(long checkpointId, TaskId task, String reason, long nowMs) {
        return graft(real.decline(checkpointId, task, reason, nowMs));
    }

    List<CoordinatorAction> completionRecorded(long checkpointId, long nowMs) {
        return graft(real.completionRecorded(checkpointId, nowMs));
    }

    List<CoordinatorAction> completionRecordFailed(long checkpointId, String reason, long nowMs) {
        return graft(real.completionRecordFailed(checkpointId, reason, nowMs));
    }

    List<CoordinatorAction> suspend(long nowMs) {
        return graft(real.suspend(nowMs));
    }

    List<CoordinatorAction> resume(long nowMs) {
        return graft(real.resume(nowMs));
    }

    private List<CoordinatorAction> graft(List<CoordinatorAction> actions) {
        List<CoordinatorAction> out = new ArrayList<>();
        Set<Long> abortedNow = new HashSet<>();
        for (CoordinatorAction action : actions) {
            if (action instanceof NotifyAborted a) {
                abortedNow.add(a.checkpointId());
            }
            if (flaw == Flaw.KEEPS_ABORTED_FILES && action instanceof Discard d && abortedNow.contains(d.checkpointId())) {
                continue;
            }
            out.add(action);
            if (flaw == Flaw.COMPLETES_BEFORE_DURABLE && action instanceof RecordCompletion r) {
                out.add(new NotifyCompleted(r.checkpoint().id()));
            }
        }
        return out;
    }
}
