package io.shepherd.runtime.checkpoint;

import io.shepherd.runtime.checkpoint.CoordinatorAction.Discard;
import io.shepherd.runtime.checkpoint.CoordinatorAction.NotifyAborted;
import io.shepherd.runtime.checkpoint.CoordinatorAction.NotifyCompleted;
import io.shepherd.runtime.checkpoint.CoordinatorAction.RecordCompletion;
import io.shepherd.runtime.checkpoint.CoordinatorAction.TriggerCheckpoint;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The checkpoint coordinator of one job (DESIGN.md part 2), as a pure state machine: no threads, no I/O,
 * no clock. Every method takes the time, read once by the caller, and returns the {@link CoordinatorAction}s
 * to carry out, in order. {@link CheckpointDriver} runs it for a live job; the simulation tests drive it
 * directly.
 *
 * <h2>Life of a checkpoint</h2>
 *
 * <pre>
 *  (trigger) ──► AWAITING_ACKS ──every task acked──► RECORDING ──completionRecorded──► COMPLETED
 *                     │                                  │
 *                     └─ decline, timeout, subsumed, ────┴─ timeout, subsumed, suspend,
 *                        suspend ──► ABORTED                completionRecordFailed ──► ABORTED
 * </pre>
 *
 * <ul>
 *   <li><b>Trigger.</b> {@link #tick} triggers a periodic checkpoint when {@code interval} has passed since
 *       the last trigger (the first one interval after the first call), at least {@code minPause} has passed
 *       since the last checkpoint ended (completed or aborted), fewer than {@code maxConcurrent} are pending,
 *       and the coordinator is not suspended. Ids continue after the {@code lastCheckpointId} it was built
 *       with, so they increase across restores.
 *   <li><b>Savepoints</b> ({@link #triggerSavepoint}) ignore interval and min pause but count against
 *       {@code maxConcurrent}: a request that finds no free slot, or a suspended coordinator, is queued and
 *       triggered at the first tick that finds a slot (before any periodic checkpoint), in request order.
 *   <li><b>Acknowledgements</b> count once per task; duplicates, and acknowledgements of checkpoints that
 *       are no longer pending (aborted, completed, unknown), are ignored. When every task acknowledged, the
 *       checkpoint is <em>not</em> complete yet: the coordinator asks for its durable record
 *       ({@link RecordCompletion}) and completes it only on {@link #completionRecorded}.
 *   <li><b>Completion</b> notifies every task ({@link NotifyCompleted}), aborts older pending checkpoints
 *       (they are subsumed: completed checkpoint ids strictly increase), and discards completed checkpoints
 *       beyond the newest {@code retained}. Savepoints are never subsumed nor discarded.
 *   <li><b>Abort</b> notifies every task ({@link NotifyAborted}) and discards the checkpoint ({@link Discard}),
 *       each exactly once. A checkpoint whose completion is being recorded can still be aborted (timeout,
 *       suspend, subsumption): a {@link #completionRecorded} that arrives afterwards is ignored, and the
 *       caller must make the discard win over the record (the driver writes the abort to the store after
 *       the record, in order; see {@link CheckpointDriver}).
 *   <li><b>Suspend</b> ({@link #suspend}, a task failed) aborts every pending checkpoint and triggers
 *       nothing until {@link #resume}.
 * </ul>
 *
 * <p>Not thread-safe: one thread drives it.
 */
public final class CheckpointCoordinator {

    private static final int HISTORY_ENTRIES = 100;
    private static final long NEVER = Long.MIN_VALUE;

    private final CoordinatorSettings settings;
    private final List<TaskId> sources;
    private final SortedMap<TaskId, String> tasks;
    private final TreeMap<Long, PendingCheckpoint> pending = new TreeMap<>();
    /** Ids of the completed checkpoints (not savepoints) kept, oldest first. */
    private final ArrayDeque<Long> retained = new ArrayDeque<>();
    private final CheckpointHistory history = new CheckpointHistory(HISTORY_ENTRIES);
    private long lastCheckpointId;
    private CompletedCheckpoint latest;
    private int queuedSavepoints;
    private boolean checkpointRequested;
    private boolean suspended;
    private long firstCallMs = NEVER;
    private long lastTriggerMs = NEVER;
    private long lastEndMs = NEVER;

    /**
     * @param sourceTasks the tasks that receive {@link TriggerCheckpoint}
     * @param allTasks every task that must acknowledge, sources included; named by their id
     * @param lastCheckpointId the highest id used before (0 for a new job): the next is one more
     */
    public CheckpointCoordinator(CoordinatorSettings settings, Collection<TaskId> sourceTasks,
            Collection<TaskId> allTasks, long lastCheckpointId) {
        this(settings, sourceTasks, namedById(allTasks), lastCheckpointId);
    }

    /** As the other constructor, with the name statistics show for each task. */
    public CheckpointCoordinator(CoordinatorSettings settings, Collection<TaskId> sourceTasks,
            Map<TaskId, String> allTaskNames, long lastCheckpointId) {
        if (sourceTasks.isEmpty() || !allTaskNames.keySet().containsAll(sourceTasks)) {
            throw new IllegalArgumentException("need at least one source, and every source among all tasks; got sources "
                    + sourceTasks + " and tasks " + allTaskNames.keySet());
        }
        if (lastCheckpointId < 0) {
            throw new IllegalArgumentException("last checkpoint id must be >= 0, got " + lastCheckpointId);
        }
        this.settings = settings;
        this.sources = List.copyOf(new TreeSet<>(sourceTasks));
        this.tasks = Collections.unmodifiableSortedMap(new TreeMap<>(allTaskNames));
        this.lastCheckpointId = lastCheckpointId;
    }

    /**
     * After a restart of the process: the retained checkpoints the completed-checkpoint store recovered, so
     * that retention goes on to discard them, and the one the job restored from, which becomes
     * {@link #latestCompleted()}. Call before anything else.
     */
    public void adoptRecovered(Collection<Long> retainedCheckpointIds, CompletedCheckpoint restoredFrom) {
        if (firstCallMs != NEVER || latest != null || !retained.isEmpty()) {
            throw new IllegalStateException("recovered checkpoints are adopted once, before the coordinator runs");
        }
        retainedCheckpointIds.stream().sorted().forEach(id -> {
            if (id > lastCheckpointId) {
                throw new IllegalArgumentException("retained checkpoint " + id + " is newer than the last checkpoint id "
                        + lastCheckpointId + " the coordinator continues after");
            }
            retained.addLast(id);
        });
        latest = restoredFrom;
    }

    /** Aborts pending checkpoints past their timeout and triggers what is due. */
    public List<CoordinatorAction> tick(long nowMs) {
        observe(nowMs);
        List<CoordinatorAction> actions = new ArrayList<>();
        for (PendingCheckpoint checkpoint : List.copyOf(pending.values())) {
            if (checkpoint.expired(nowMs, settings.timeoutMs())) {
                abort(checkpoint, "timed out after " + settings.timeoutMs() + " ms (" + checkpoint.progress() + ")",
                        nowMs, actions);
            }
        }
        triggerQueuedSavepoints(nowMs, actions);
        if ((periodicDue(nowMs) || (checkpointRequested && !suspended)) && hasFreeSlot()) {
            checkpointRequested = false;
            trigger(CheckpointType.CHECKPOINT, nowMs, actions);
        }
        return actions;
    }

    /**
     * Asks for a checkpoint as soon as a slot is free, whatever the interval and the minimum pause:
     * for the final checkpoint of a job whose every task has ended, which it waits for to finish.
     */
    public List<CoordinatorAction> requestCheckpoint(long nowMs) {
        checkpointRequested = true;
        return tick(nowMs);
    }

    /** Asks for a savepoint: triggered now if a slot is free and the coordinator runs, else queued. */
    public List<CoordinatorAction> triggerSavepoint(long nowMs) {
        observe(nowMs);
        queuedSavepoints++;
        List<CoordinatorAction> actions = new ArrayList<>();
        triggerQueuedSavepoints(nowMs, actions);
        return actions;
    }

    /** A task's acknowledgement of {@code checkpointId}; {@code state} is null if the task has no state. */
    public List<CoordinatorAction> acknowledge(long checkpointId, TaskId task, StateHandle state,
            TaskCheckpointStats stats, long nowMs) {
        observe(nowMs);
        PendingCheckpoint checkpoint = pending.get(checkpointId);
        if (checkpoint == null || !checkpoint.acknowledge(task, state, stats, nowMs)) {
            return List.of();
        }
        history.record(checkpoint.inProgress());
        return checkpoint.recording() ? List.of(new RecordCompletion(checkpoint.completed())) : List.of();
    }

    /** A task could not take its part of {@code checkpointId}: the checkpoint is aborted. */
    public List<CoordinatorAction> decline(long checkpointId, TaskId task, String reason, long nowMs) {
        observe(nowMs);
        PendingCheckpoint checkpoint = pending.get(checkpointId);
        if (checkpoint == null || checkpoint.recording() || !checkpoint.isTask(task)) {
            return List.of(); // once every task acknowledged, only the completion record decides
        }
        List<CoordinatorAction> actions = new ArrayList<>();
        abort(checkpoint, "declined by task " + tasks.get(task) + " (" + task + "): " + reason, nowMs, actions);
        return actions;
    }

    /** The completion record of {@code checkpointId} is durable: the checkpoint is complete, unless aborted since. */
    public List<CoordinatorAction> completionRecorded(long checkpointId, long nowMs) {
        observe(nowMs);
        PendingCheckpoint checkpoint = pending.get(checkpointId);
        if (checkpoint == null || !checkpoint.recording()) {
            return List.of(); // aborted while being recorded: its discard was issued and wins
        }
        List<CoordinatorAction> actions = new ArrayList<>();
        CompletedCheckpoint completed = checkpoint.completed();
        pending.remove(checkpointId);
        lastEndMs = nowMs;
        history.record(checkpoint.ended(CheckpointStatus.COMPLETED, nowMs, null));
        if (latest == null || checkpointId > latest.id()) {
            latest = completed;
        }
        actions.add(new NotifyCompleted(checkpointId));
        if (completed.type() == CheckpointType.CHECKPOINT) {
            for (PendingCheckpoint older : List.copyOf(pending.headMap(checkpointId).values())) {
                if (older.type() == CheckpointType.CHECKPOINT) {
                    abort(older, "subsumed by checkpoint " + checkpointId, nowMs, actions);
                }
            }
            retained.addLast(checkpointId);
            while (retained.size() > settings.retained()) {
                actions.add(new Discard(retained.removeFirst()));
            }
        }
        return actions;
    }

    /** The completion record of {@code checkpointId} could not be made durable: the checkpoint is aborted. */
    public List<CoordinatorAction> completionRecordFailed(long checkpointId, String reason, long nowMs) {
        observe(nowMs);
        PendingCheckpoint checkpoint = pending.get(checkpointId);
        if (checkpoint == null || !checkpoint.recording()) {
            return List.of();
        }
        List<CoordinatorAction> actions = new ArrayList<>();
        abort(checkpoint, "its completion record failed: " + reason, nowMs, actions);
        return actions;
    }

    /** A task failed: aborts every pending checkpoint and triggers nothing until {@link #resume}. */
    public List<CoordinatorAction> suspend(long nowMs) {
        observe(nowMs);
        suspended = true;
        List<CoordinatorAction> actions = new ArrayList<>();
        for (PendingCheckpoint checkpoint : List.copyOf(pending.values())) {
            abort(checkpoint, "the job was suspended after a task failure (" + checkpoint.progress() + ")", nowMs,
                    actions);
        }
        return actions;
    }

    /** The job runs again after a restart: the next {@link #tick} triggers what is due, queued savepoints first. */
    public List<CoordinatorAction> resume(long nowMs) {
        observe(nowMs);
        suspended = false;
        return List.of();
    }

    /** The newest completed checkpoint or savepoint (by id): what a restore starts from. */
    public Optional<CompletedCheckpoint> latestCompleted() {
        return Optional.ofNullable(latest);
    }

    /** The recent checkpoints with their status, newest first. */
    public List<CheckpointHistoryEntry> history() {
        return history.newestFirst();
    }

    /** Ids of the completed checkpoints kept, oldest first. */
    public List<Long> retainedCheckpointIds() {
        return List.copyOf(retained);
    }

    public boolean isSuspended() {
        return suspended;
    }

    /** The source tasks, in order. */
    public List<TaskId> sourceTasks() {
        return sources;
    }

    /** Every task, in order. */
    public List<TaskId> allTasks() {
        return List.copyOf(tasks.keySet());
    }

    private void observe(long nowMs) {
        if (firstCallMs == NEVER) {
            firstCallMs = nowMs;
        }
    }

    private boolean periodicDue(long nowMs) {
        if (suspended || !settings.periodic()) {
            return false;
        }
        long intervalFrom = lastTriggerMs == NEVER ? firstCallMs : lastTriggerMs;
        boolean paused = lastEndMs == NEVER || nowMs - lastEndMs >= settings.minPauseMs();
        return nowMs - intervalFrom >= settings.intervalMs() && paused;
    }

    private boolean hasFreeSlot() {
        return pending.size() < settings.maxConcurrent();
    }

    private void triggerQueuedSavepoints(long nowMs, List<CoordinatorAction> actions) {
        while (!suspended && queuedSavepoints > 0 && hasFreeSlot()) {
            queuedSavepoints--;
            trigger(CheckpointType.SAVEPOINT, nowMs, actions);
        }
    }

    private void trigger(CheckpointType type, long nowMs, List<CoordinatorAction> actions) {
        PendingCheckpoint checkpoint = new PendingCheckpoint(++lastCheckpointId, type, nowMs, tasks);
        pending.put(checkpoint.id(), checkpoint);
        lastTriggerMs = nowMs;
        history.record(checkpoint.inProgress());
        actions.add(new TriggerCheckpoint(checkpoint.id(), nowMs, settings.options(type)));
    }

    private void abort(PendingCheckpoint checkpoint, String reason, long nowMs, List<CoordinatorAction> actions) {
        pending.remove(checkpoint.id());
        lastEndMs = nowMs;
        history.record(checkpoint.ended(CheckpointStatus.ABORTED, nowMs, reason));
        actions.add(new NotifyAborted(checkpoint.id(), reason));
        actions.add(new Discard(checkpoint.id()));
    }

    private static Map<TaskId, String> namedById(Collection<TaskId> tasks) {
        Map<TaskId, String> names = new TreeMap<>();
        tasks.forEach(task -> names.put(task, task.toString()));
        return names;
    }
}
