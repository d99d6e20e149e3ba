package io.shepherd.runtime.checkpoint;

import io.shepherd.runtime.checkpoint.CoordinatorAction.Discard;
import io.shepherd.runtime.checkpoint.CoordinatorAction.NotifyAborted;
import io.shepherd.runtime.checkpoint.CoordinatorAction.NotifyCompleted;
import io.shepherd.runtime.checkpoint.CoordinatorAction.RecordCompletion;
import io.shepherd.runtime.checkpoint.CoordinatorAction.TriggerCheckpoint;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Everything a simulated coordinator did and was told, recorded as it happens, and the named invariants
 * of the checkpoint protocol (DESIGN.md part 2) checked against it. History lives outside the coordinator,
 * so a flawed coordinator cannot hide what it did.
 */
final class CoordinatorHistory {

    static final String EVERY_TASK_ACKNOWLEDGED = "a checkpoint completes only when every task acknowledged it";
    static final String DURABLE_BEFORE_COMPLETE = "a checkpoint completes only after its record is durable";
    static final String IDS_INCREASE = "completed checkpoint ids strictly increase";
    static final String MAX_CONCURRENT = "never more than maxConcurrent checkpoints pending";
    static final String PACING = "periodic triggers keep the interval and the minimum pause";
    static final String NOTHING_WHILE_SUSPENDED = "nothing is triggered while suspended";
    static final String RETENTION = "retention keeps exactly the newest K completed checkpoints";
    static final String ABORTED_ONCE = "every aborted checkpoint is notified and discarded exactly once";
    static final String LATEST = "latestCompleted is the newest completed checkpoint";

    static final List<String> ALL = List.of(EVERY_TASK_ACKNOWLEDGED, DURABLE_BEFORE_COMPLETE, IDS_INCREASE,
            MAX_CONCURRENT, PACING, NOTHING_WHILE_SUSPENDED, RETENTION, ABORTED_ONCE, LATEST);

    private final CoordinatorSettings settings;
    private final Set<TaskId> allTasks;
    private final Map<Long, Set<TaskId>> acknowledged = new HashMap<>();
    private final Set<Long> durable = new HashSet<>();
    private final Map<Long, CheckpointType> triggered = new TreeMap<>();
    private final Map<Long, Long> triggerTimes = new HashMap<>();
    private final Map<Long, CompletedCheckpoint> recordRequested = new HashMap<>();
    private final Map<Long, CheckpointType> completed = new LinkedHashMap<>();
    private final List<Long> completedCheckpoints = new ArrayList<>();
    private final Map<Long, String> aborted = new TreeMap<>();
    private final Map<Long, Integer> abortNotices = new HashMap<>();
    private final Map<Long, Integer> discards = new HashMap<>();
    private final Map<String, String> violations = new LinkedHashMap<>();
    private long lastTriggerMs = Long.MIN_VALUE;
    private long lastEndMs = Long.MIN_VALUE;
    private boolean suspended;

    CoordinatorHistory(CoordinatorSettings settings, List<TaskId> allTasks) {
        this.settings = settings;
        this.allTasks = new TreeSet<>(allTasks);
    }

    // ---------------------------------------------------------------- recording

    void acknowledgementDelivered(long checkpointId, TaskId task) {
        acknowledged.computeIfAbsent(checkpointId, id -> new TreeSet<>()).add(task);
    }

    void recordMadeDurable(long checkpointId) {
        durable.add(checkpointId);
    }

    void suspended(boolean suspended) {
        this.suspended = suspended;
    }

    void observe(List<CoordinatorAction> actions, long nowMs) {
        for (CoordinatorAction action : actions) {
            if (action instanceof TriggerCheckpoint t) {
                triggeredNow(t, nowMs);
            } else if (action instanceof RecordCompletion r) {
                recordRequested.put(r.checkpoint().id(), r.checkpoint());
            } else if (action instanceof NotifyCompleted c) {
                completedNow(c.checkpointId(), nowMs);
            } else if (action instanceof NotifyAborted a) {
                aborted.put(a.checkpointId(), a.reason());
                abortNotices.merge(a.checkpointId(), 1, Integer::sum);
                lastEndMs = nowMs;
            } else if (action instanceof Discard d) {
                discards.merge(d.checkpointId(), 1, Integer::sum);
            }
        }
    }

    private void triggeredNow(TriggerCheckpoint trigger, long nowMs) {
        CheckpointType type = trigger.options().type();
        if (suspended) {
            violate(NOTHING_WHILE_SUSPENDED, "checkpoint " + trigger.checkpointId() + " was triggered while suspended");
        }
        if (type == CheckpointType.CHECKPOINT) {
            if (lastTriggerMs != Long.MIN_VALUE && nowMs - lastTriggerMs < settings.intervalMs()) {
                violate(PACING, "checkpoint " + trigger.checkpointId() + " triggered " + (nowMs - lastTriggerMs)
                        + " ms after the previous trigger; the interval is " + settings.intervalMs() + " ms");
            }
            if (lastEndMs != Long.MIN_VALUE && nowMs - lastEndMs < settings.minPauseMs()) {
                violate(PACING, "checkpoint " + trigger.checkpointId() + " triggered " + (nowMs - lastEndMs)
                        + " ms after the last one ended; the minimum pause is " + settings.minPauseMs() + " ms");
            }
        }
        triggered.put(trigger.checkpointId(), type);
        triggerTimes.put(trigger.checkpointId(), nowMs);
        lastTriggerMs = nowMs;
    }

    private void completedNow(long checkpointId, long nowMs) {
        Set<TaskId> acks = acknowledged.getOrDefault(checkpointId, Set.of());
        CompletedCheckpoint requested = recordRequested.get(checkpointId);
        if (!acks.containsAll(allTasks) || requested == null || !requested.tasks().keySet().equals(allTasks)) {
            Set<TaskId> missing = new TreeSet<>(allTasks);
            missing.removeAll(acks);
            violate(EVERY_TASK_ACKNOWLEDGED, "checkpoint " + checkpointId + " completed, but tasks " + missing
                    + " never acknowledged it" + (requested == null ? " and no completion record was asked for" : ""));
        }
        if (!durable.contains(checkpointId)) {
            violate(DURABLE_BEFORE_COMPLETE, "checkpoint " + checkpointId + " completed before its record was durable");
        }
        CheckpointType type = triggered.get(checkpointId);
        if (type == CheckpointType.CHECKPOINT) {
            long previous = completedCheckpoints.isEmpty() ? 0 : completedCheckpoints.get(completedCheckpoints.size() - 1);
            if (checkpointId <= previous) {
                violate(IDS_INCREASE, "checkpoint " + checkpointId + " completed after checkpoint " + previous);
            }
            completedCheckpoints.add(checkpointId);
        }
        completed.put(checkpointId, type);
        lastEndMs = nowMs;
    }

    private void violate(String invariant, String detail) {
        violations.putIfAbsent(invariant, detail);
    }

    // ---------------------------------------------------------------- invariants

    /** What is wrong with respect to {@code invariant}, or null. */
    String violation(String invariant, Optional<CompletedCheckpoint> latestCompleted) {
        String recorded = violations.get(invariant);
        if (recorded != null) {
            return recorded;
        }
        return switch (invariant) {
            case MAX_CONCURRENT -> tooManyPending();
            case RETENTION -> retentionBroken();
            case ABORTED_ONCE -> abortNotOnce();
            case LATEST -> latestWrong(latestCompleted);
            default -> null;
        };
    }

    private String tooManyPending() {
        List<Long> pending = pending();
        return pending.size() > settings.maxConcurrent()
                ? pending.size() + " checkpoints pending " + pending + ", max concurrent is " + settings.maxConcurrent()
                : null;
    }

    private String retentionBroken() {
        List<Long> kept = new ArrayList<>();
        for (long id : completedCheckpoints) {
            if (!discards.containsKey(id)) {
                kept.add(id);
            }
        }
        List<Long> newest = completedCheckpoints.subList(
                Math.max(0, completedCheckpoints.size() - settings.retained()), completedCheckpoints.size());
        if (!kept.equals(newest)) {
            return "kept " + kept + " of completed " + completedCheckpoints + " with retained=" + settings.retained();
        }
        for (Map.Entry<Long, CheckpointType> c : completed.entrySet()) {
            if (c.getValue() == CheckpointType.SAVEPOINT && discards.containsKey(c.getKey())) {
                return "savepoint " + c.getKey() + " was discarded";
            }
        }
        return null;
    }

    private String abortNotOnce() {
        for (long id : aborted.keySet()) {
            if (abortNotices.get(id) != 1 || discards.getOrDefault(id, 0) != 1) {
                return "checkpoint " + id + " aborted (" + aborted.get(id) + "): notified " + abortNotices.get(id)
                        + " times, discarded " + discards.getOrDefault(id, 0) + " times";
            }
            if (completed.containsKey(id)) {
                return "checkpoint " + id + " both completed and aborted (" + aborted.get(id) + ")";
            }
        }
        for (Map.Entry<Long, Integer> d : discards.entrySet()) {
            if (d.getValue() != 1) {
                return "checkpoint " + d.getKey() + " discarded " + d.getValue() + " times";
            }
        }
        return null;
    }

    private String latestWrong(Optional<CompletedCheckpoint> latestCompleted) {
        Long newest = completed.keySet().stream().max(Long::compare).orElse(null);
        Long reported = latestCompleted.map(CompletedCheckpoint::id).orElse(null);
        return java.util.Objects.equals(newest, reported) ? null
                : "latestCompleted says " + reported + ", the newest completed is " + newest;
    }

    // ---------------------------------------------------------------- queries for the simulation

    List<Long> pending() {
        List<Long> pending = new ArrayList<>();
        for (long id : triggered.keySet()) {
            if (!completed.containsKey(id) && !aborted.containsKey(id)) {
                pending.add(id);
            }
        }
        return pending;
    }

    long triggerTimeMs(long checkpointId) {
        return triggerTimes.get(checkpointId);
    }

    int completedCount() {
        return completed.size();
    }

    long completedSavepoints() {
        return completed.values().stream().filter(type -> type == CheckpointType.SAVEPOINT).count();
    }

    /** Completed checkpoints triggered at or after {@code fromMs}. */
    long completedTriggeredSince(long fromMs) {
        return completed.keySet().stream().filter(id -> triggerTimes.get(id) >= fromMs).count();
    }

    /** Aborts whose reason contains {@code word}. */
    long abortsFor(String word) {
        return aborted.values().stream().filter(reason -> reason.contains(word)).count();
    }
}
