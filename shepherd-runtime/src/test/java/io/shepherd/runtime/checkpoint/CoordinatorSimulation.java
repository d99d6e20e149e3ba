package io.shepherd.runtime.checkpoint;

import io.shepherd.api.checkpoint.CheckpointingMode;
import io.shepherd.runtime.checkpoint.CoordinatorAction.RecordCompletion;
import io.shepherd.runtime.checkpoint.CoordinatorAction.TriggerCheckpoint;
import io.shepherd.testkit.sim.SimLimits;
import io.shepherd.testkit.sim.SimScheduler;
import io.shepherd.testkit.time.SimTime;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * One seeded run of the checkpoint coordinator against simulated tasks and a simulated store: random
 * settings and job shape; acknowledgements late, lost, duplicated and in any order; declines; completion
 * records slow or failing; task failures (suspend, then resume after a restart) and savepoint requests.
 * For {@link #CHAOS_MS} of simulated time everything goes wrong at random; then the tasks and the store
 * behave, and checkpoints must complete again. Every invariant of {@link CoordinatorHistory} is checked
 * after every event.
 */
final class CoordinatorSimulation {

    static final long CHAOS_MS = 2_000;
    static final long END_MS = 3_000;

    /** What a run did, for the test to check that the faults were exercised. */
    record Outcome(long completed, long savepoints, long timeouts, long declines, long recordFailures, long suspends,
            long subsumed, long fingerprint) {}

    /** Trace labels: what each event is. */
    record Tick() {}

    record Ack(long checkpointId, TaskId task) {}

    record Decline(long checkpointId, TaskId task) {}

    record Record(long checkpointId, boolean fails) {}

    record Suspend() {}

    record Resume() {}

    record SavepointRequest() {}

    private final SimScheduler sim;
    private final SplittableRandom workload;
    private final SplittableRandom tasksRandom;
    private final SplittableRandom storeRandom;
    private final CoordinatorSettings settings;
    private final List<TaskId> allTasks;
    private final FlawedCoordinator coordinator;
    private final CoordinatorHistory history;
    private long suspends;
    private long recordFailures;

    CoordinatorSimulation(long seed, Flaw flaw) {
        this.sim = new SimScheduler(seed, SimLimits.DEFAULT.withMaxTimeNs(SimTime.millis(END_MS + 10_000))
                .withMaxEvents(200_000));
        this.workload = sim.random("workload");
        this.tasksRandom = sim.random("tasks");
        this.storeRandom = sim.random("store");
        this.settings = randomSettings(sim.random("settings"));
        this.allTasks = randomJob(sim.random("job"));
        List<TaskId> sources = allTasks.stream().filter(t -> t.vertexId() == 0).toList();
        this.coordinator = new FlawedCoordinator(new CheckpointCoordinator(settings, sources, allTasks, 0), flaw);
        this.history = new CoordinatorHistory(settings, allTasks);
        for (String invariant : CoordinatorHistory.ALL) {
            sim.invariants().addDescribed(invariant,
                    () -> history.violation(invariant, coordinator.real().latestCompleted()));
        }
        sim.describeOnFailure("settings and job", () -> settings + "\n  tasks " + allTasks);
    }

    static Outcome run(long seed, Flaw flaw) {
        return new CoordinatorSimulation(seed, flaw).run();
    }

    Outcome run() {
        sim.schedule(0, new Tick(), this::tick);
        scheduleFailuresAndSavepoints();
        sim.runUntilTime(SimTime.millis(END_MS));
        sim.runUntilQuiescent();
        checkLiveness();
        return new Outcome(history.completedCount(), history.completedSavepoints(), history.abortsFor("timed out"),
                history.abortsFor("declined"), recordFailures, suspends, history.abortsFor("subsumed"),
                sim.fingerprint());
    }

    private static CoordinatorSettings randomSettings(SplittableRandom random) {
        long interval = 5 + random.nextLong(50);
        return new CoordinatorSettings(interval, random.nextInt(3) == 0 ? 0 : random.nextLong(30),
                20 + random.nextLong(180), 1 + random.nextInt(3), 1 + random.nextInt(3),
                CheckpointingMode.values()[random.nextInt(CheckpointingMode.values().length)], Long.MAX_VALUE);
    }

    /** Vertex 0 is the sources; up to three vertices of parallelism one to three. */
    private static List<TaskId> randomJob(SplittableRandom random) {
        List<TaskId> tasks = new ArrayList<>();
        int vertices = 1 + random.nextInt(3);
        for (int vertex = 0; vertex < vertices; vertex++) {
            int parallelism = 1 + random.nextInt(3);
            for (int subtask = 0; subtask < parallelism; subtask++) {
                tasks.add(new TaskId(vertex, subtask));
            }
        }
        return tasks;
    }

    private boolean chaos() {
        return nowMs() < CHAOS_MS;
    }

    private long nowMs() {
        return sim.nowNs() / 1_000_000;
    }

    private void tick() {
        apply(coordinator.tick(nowMs()));
        if (nowMs() < END_MS) {
            sim.schedule(SimTime.micros(500 + workload.nextLong(2_500)), new Tick(), this::tick);
        }
    }

    private void scheduleFailuresAndSavepoints() {
        for (int i = workload.nextInt(4); i > 0; i--) {
            sim.schedule(SimTime.millis(workload.nextLong(CHAOS_MS)), new Suspend(), () -> {
                if (coordinator.real().isSuspended()) {
                    return; // already restarting
                }
                suspends++;
                history.suspended(true);
                apply(coordinator.suspend(nowMs()));
                sim.schedule(SimTime.millis(1 + workload.nextLong(100)), new Resume(), () -> {
                    history.suspended(false);
                    apply(coordinator.resume(nowMs()));
                });
            });
        }
        for (int i = workload.nextInt(4); i > 0; i--) {
            sim.schedule(SimTime.millis(workload.nextLong(CHAOS_MS)), new SavepointRequest(),
                    () -> apply(coordinator.triggerSavepoint(nowMs())));
        }
    }

    private void apply(List<CoordinatorAction> actions) {
        history.observe(actions, nowMs());
        for (CoordinatorAction action : actions) {
            if (action instanceof TriggerCheckpoint trigger) {
                answer(trigger.checkpointId());
            } else if (action instanceof RecordCompletion record) {
                record(record.checkpoint().id());
            }
        }
    }

    /** Every task answers at its own pace; in the chaos some answers are lost, late, doubled or declines. */
    private void answer(long checkpointId) {
        TaskId decliner = chaos() && tasksRandom.nextInt(40) == 0
                ? allTasks.get(tasksRandom.nextInt(allTasks.size()))
                : null;
        for (TaskId task : allTasks) {
            if (task.equals(decliner)) {
                sim.schedule(delayNs(), new Decline(checkpointId, task),
                        () -> apply(coordinator.decline(checkpointId, task, "simulated failure", nowMs())));
                continue;
            }
            if (chaos() && tasksRandom.nextInt(40) == 0) {
                continue; // lost: the checkpoint times out
            }
            int copies = chaos() && tasksRandom.nextInt(8) == 0 ? 2 : 1;
            for (int copy = 0; copy < copies; copy++) {
                sim.schedule(delayNs(), new Ack(checkpointId, task), () -> {
                    history.acknowledgementDelivered(checkpointId, task);
                    apply(coordinator.acknowledge(checkpointId, task, null, stats(), nowMs()));
                });
            }
        }
    }

    /**
     * Within the chaos one answer in ten is slow, up to 1.3 timeouts, so that some come late; the others,
     * and all after the chaos, come well within the timeout.
     */
    private long delayNs() {
        boolean slow = chaos() && tasksRandom.nextInt(10) == 0;
        long boundMs = slow ? settings.timeoutMs() * 13 / 10 : settings.timeoutMs() / 3;
        return SimTime.micros(tasksRandom.nextLong(boundMs * 1_000 + 1));
    }

    private void record(long checkpointId) {
        boolean fails = chaos() && storeRandom.nextInt(20) == 0;
        long boundMs = chaos() ? settings.timeoutMs() : settings.timeoutMs() / 4;
        sim.schedule(SimTime.micros(storeRandom.nextLong(boundMs * 1_000 + 1)), new Record(checkpointId, fails), () -> {
            if (fails) {
                recordFailures++;
                apply(coordinator.completionRecordFailed(checkpointId, "simulated I/O error", nowMs()));
            } else {
                history.recordMadeDurable(checkpointId);
                apply(coordinator.completionRecorded(checkpointId, nowMs()));
            }
        });
    }

    private static TaskCheckpointStats stats() {
        return new TaskCheckpointStats(1_000, 2_000, 0, 10, 0);
    }

    /** Once the chaos is over, checkpoints complete again and nothing stays pending. */
    private void checkLiveness() {
        long afterChaos = history.completedTriggeredSince(CHAOS_MS + settings.timeoutMs());
        if (afterChaos == 0) {
            throw sim.failure("liveness: no checkpoint completed after the chaos ended", settings.toString(), null);
        }
        List<Long> stuck = history.pending().stream()
                .filter(id -> history.triggerTimeMs(id) < END_MS - settings.timeoutMs())
                .toList();
        if (!stuck.isEmpty()) {
            throw sim.failure("liveness: checkpoints " + stuck + " never ended", settings.toString(), null);
        }
    }
}
