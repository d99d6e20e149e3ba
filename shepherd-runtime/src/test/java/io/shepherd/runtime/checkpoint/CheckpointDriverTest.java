package io.shepherd.runtime.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.shepherd.api.checkpoint.CheckpointingMode;
import io.shepherd.common.Clock;
import io.shepherd.common.io.Disk;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The driver with real threads: tasks answer from a pool of threads, as asynchronous snapshots do. */
class CheckpointDriverTest {

    private static final List<TaskId> SOURCES = List.of(new TaskId(0, 0), new TaskId(0, 1));
    private static final List<TaskId> TASKS = List.of(new TaskId(0, 0), new TaskId(0, 1), new TaskId(1, 0),
            new TaskId(1, 1));

    @TempDir
    Path root;

    private final ExecutorService snapshotThreads = Executors.newFixedThreadPool(3);

    @AfterEach
    void stopSnapshotThreads() throws InterruptedException {
        snapshotThreads.shutdown();
        assertThat(snapshotThreads.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
    }

    /** Tasks that write their state and acknowledge from the snapshot threads; the sources' triggers are counted. */
    private final class SimulatedTasks implements TaskGateway {
        final Map<Long, Set<TaskId>> completedAt = new ConcurrentHashMap<>();
        final List<Long> aborted = new CopyOnWriteArrayList<>();
        final AtomicInteger triggers = new AtomicInteger();
        final AtomicBoolean answering = new AtomicBoolean(true);
        final List<Long> heardBeforeRecorded = new CopyOnWriteArrayList<>();
        volatile CheckpointStorage storage;
        volatile CompletedCheckpointStore store;
        volatile CheckpointResponder responder;

        @Override
        public void triggerCheckpoint(TaskId source, long checkpointId, long timestampMs, CheckpointOptions options) {
            triggers.incrementAndGet();
            if (!source.equals(SOURCES.get(0)) || !answering.get()) {
                return; // every task answers once per checkpoint, whichever source's barrier reaches it
            }
            for (TaskId task : TASKS) {
                snapshotThreads.execute(() -> {
                    byte[] state = ("state of " + task + " at " + checkpointId).getBytes(StandardCharsets.UTF_8);
                    StateHandle handle = storage.writeState(checkpointId, options.type(), task, state);
                    responder.acknowledge(checkpointId, task, handle, new TaskCheckpointStats(1, 2, 3, state.length, 0));
                });
            }
        }

        @Override
        public void notifyCompleted(TaskId task, long checkpointId) {
            if (!store.isCompleted(checkpointId)) {
                heardBeforeRecorded.add(checkpointId);
            }
            completedAt.computeIfAbsent(checkpointId, id -> ConcurrentHashMap.newKeySet()).add(task);
        }

        @Override
        public void notifyAborted(TaskId task, long checkpointId, String reason) {
            if (task.equals(TASKS.get(0))) {
                aborted.add(checkpointId);
            }
        }
    }

    private CheckpointDriver start(SimulatedTasks tasks, CompletedCheckpointStore store, long intervalMs) {
        LocalCheckpointStorage storage = new LocalCheckpointStorage(Disk.local(), root);
        CoordinatorSettings settings = new CoordinatorSettings(intervalMs, 0, 60_000, 1, 2, CheckpointingMode.ALIGNED,
                Long.MAX_VALUE);
        CheckpointCoordinator coordinator = new CheckpointCoordinator(settings, SOURCES, TASKS, 0);
        tasks.storage = storage;
        tasks.store = store;
        CheckpointDriver driver = CheckpointDriver.start(coordinator, storage, store, tasks, Clock.system(),
                Duration.ofMillis(2));
        tasks.responder = driver;
        return driver;
    }

    @Test
    void when_tasks_acknowledge_from_several_threads_then_checkpoints_complete_durably_and_every_task_hears_it() {
        SimulatedTasks tasks = new SimulatedTasks();
        try (CompletedCheckpointStore store = CompletedCheckpointStore.openIn(Disk.local(), root)) {
            CheckpointDriver driver = start(tasks, store, 10);
            await().atMost(Duration.ofSeconds(20)).until(() -> tasks.completedAt.size() >= 3);
            driver.close(); // nothing is discarded from now on

            CompletedCheckpoint latest = driver.latestCompleted().orElseThrow();
            assertThat(tasks.completedAt.get(latest.id())).containsExactlyInAnyOrderElementsOf(TASKS);
            assertThat(tasks.heardBeforeRecorded).as("completions announced before they were recorded").isEmpty();
            // a record that became durable as the driver closed is newer than what the coordinator heard of
            assertThat(store.recover().get(0).id()).isGreaterThanOrEqualTo(latest.id());
            assertThat(store.retainedCheckpointIds()).filteredOn(id -> id <= latest.id()).as("retained 2")
                    .hasSizeBetween(1, 2);
            CheckpointStorage storage = new LocalCheckpointStorage(Disk.local(), root);
            assertThat(storage.readMetadata(latest.location())).isEqualTo(latest);
            assertThat(new String(storage.readState(latest.tasks().get(TASKS.get(3)).state()), StandardCharsets.UTF_8))
                    .isEqualTo("state of 1/1 at " + latest.id());
        }
    }

    @Test
    void when_a_savepoint_is_asked_for_then_its_future_completes_with_the_durable_savepoint() throws Exception {
        SimulatedTasks tasks = new SimulatedTasks();
        try (CompletedCheckpointStore store = CompletedCheckpointStore.openIn(Disk.local(), root);
                CheckpointDriver driver = start(tasks, store, 0)) {
            CompletedCheckpoint savepoint = driver.triggerSavepoint().get(20, TimeUnit.SECONDS);

            assertThat(savepoint.type()).isEqualTo(CheckpointType.SAVEPOINT);
            assertThat(savepoint.location()).isEqualTo("savepoints/sp-" + savepoint.id());
            assertThat(store.isCompleted(savepoint.id())).isTrue();
            assertThat(new LocalCheckpointStorage(Disk.local(), root).readMetadata(savepoint.location()))
                    .isEqualTo(savepoint);
        }
    }

    @Test
    void when_suspended_then_pending_checkpoints_are_aborted_durably_and_checkpoints_resume_after() {
        SimulatedTasks tasks = new SimulatedTasks();
        tasks.answering.set(false); // checkpoints stay pending until the suspend aborts them
        try (CompletedCheckpointStore store = CompletedCheckpointStore.openIn(Disk.local(), root);
                CheckpointDriver driver = start(tasks, store, 5)) {
            await().atMost(Duration.ofSeconds(20)).until(() -> tasks.triggers.get() > 0);

            driver.suspend();

            assertThat(driver.history()).isNotEmpty().allSatisfy(
                    entry -> assertThat(entry.status()).isEqualTo(CheckpointStatus.ABORTED));
            assertThat(store.recentAborts()).extracting(AbortedCheckpoint::id).containsAll(tasks.aborted)
                    .isNotEmpty();
            assertThat(store.recentAborts()).allSatisfy(abort -> assertThat(abort.reason()).contains("suspended"));

            tasks.answering.set(true);
            driver.resume();
            await().atMost(Duration.ofSeconds(20)).until(() -> !tasks.completedAt.isEmpty());
        }
    }

    @Test
    void when_closed_then_no_thread_is_left_and_waiting_savepoints_fail() {
        SimulatedTasks tasks = new SimulatedTasks();
        tasks.answering.set(false);
        AtomicReference<CompletableFuture<CompletedCheckpoint>> savepoint = new AtomicReference<>();
        try (CompletedCheckpointStore store = CompletedCheckpointStore.openIn(Disk.local(), root)) {
            CheckpointDriver driver = start(tasks, store, 0);
            savepoint.set(driver.triggerSavepoint());
            driver.close();
        }

        assertThat(savepoint.get()).isCompletedExceptionally();
        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(
                thread -> thread.getName().startsWith("checkpoint-") && thread.isAlive());
    }
}
