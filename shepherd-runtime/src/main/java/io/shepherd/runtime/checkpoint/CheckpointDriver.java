package io.shepherd.runtime.checkpoint;

import io.shepherd.common.Clock;
import io.shepherd.runtime.checkpoint.CoordinatorAction.Discard;
import io.shepherd.runtime.checkpoint.CoordinatorAction.NotifyAborted;
import io.shepherd.runtime.checkpoint.CoordinatorAction.NotifyCompleted;
import io.shepherd.runtime.checkpoint.CoordinatorAction.RecordCompletion;
import io.shepherd.runtime.checkpoint.CoordinatorAction.TriggerCheckpoint;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.LongFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a {@link CheckpointCoordinator} for a live job: the thin shell around the pure state machine that
 * owns the threads and does the I/O.
 *
 * <p><b>Threads.</b> One coordinator thread owns the coordinator: it takes calls from a mailbox (the
 * {@link CheckpointResponder} methods and the others here are safe from any thread), ticks it every
 * {@code tickPeriod}, and carries out its actions: triggers and notifications through the
 * {@link TaskGateway}, everything that touches the disk on a second, I/O thread. The I/O thread runs its
 * work strictly in order, which is what makes an abort win over a completion record of the same checkpoint:
 * the record (metadata, then the {@code Completed} edit) is followed by the {@code Aborted} edit and the
 * deletion. {@link #close} stops and joins both threads.
 *
 * <p><b>Time.</b> The coordinator gets wall-clock milliseconds that never go backwards: the clock's
 * wall time at start plus the monotonic time elapsed since.
 *
 * <p><b>Suspend.</b> {@link #suspend} returns once the coordinator has aborted every pending checkpoint and
 * the I/O thread has written everything that followed from that: the store then agrees with
 * {@link #latestCompleted()}, which is what a restore may start from.
 */
public final class CheckpointDriver implements CheckpointResponder, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(CheckpointDriver.class);
    private static final long IO_SHUTDOWN_WAIT_SECONDS = 30;

    private final CheckpointCoordinator coordinator;
    private final CheckpointStorage storage;
    private final CompletedCheckpointStore store;
    private final TaskGateway gateway;
    private final Clock clock;
    private final long tickNanos;
    private final long wallOriginMs;
    private final long nanoOrigin;
    private final LinkedBlockingQueue<Runnable> mailbox = new LinkedBlockingQueue<>();
    private final ExecutorService io;
    private final Thread thread;
    private final Map<CompletableFuture<?>, Boolean> waiting = new ConcurrentHashMap<>();
    private volatile boolean running = true;
    private volatile CompletedCheckpoint latest;
    private volatile List<CheckpointHistoryEntry> history = List.of();

    // Touched by the coordinator thread only.
    private final ArrayDeque<CompletableFuture<CompletedCheckpoint>> savepointRequests = new ArrayDeque<>();
    private final Map<Long, CompletableFuture<CompletedCheckpoint>> savepoints = new HashMap<>();
    private final Map<Long, CompletedCheckpoint> recording = new HashMap<>();

    private CheckpointDriver(CheckpointCoordinator coordinator, CheckpointStorage storage,
            CompletedCheckpointStore store, TaskGateway gateway, Clock clock, Duration tickPeriod) {
        this.coordinator = coordinator;
        this.storage = storage;
        this.store = store;
        this.gateway = gateway;
        this.clock = clock;
        this.tickNanos = tickPeriod.toNanos();
        this.wallOriginMs = clock.currentTimeMillis();
        this.nanoOrigin = clock.nanoTime();
        this.latest = coordinator.latestCompleted().orElse(null);
        this.io = Executors.newSingleThreadExecutor(runnable -> daemon(runnable, "checkpoint-io"));
        this.thread = daemon(this::run, "checkpoint-coordinator");
    }

    /**
     * Starts driving {@code coordinator}, which from now on only the driver's thread may touch.
     *
     * @param tickPeriod how often the coordinator is ticked: the resolution of intervals and timeouts
     */
    public static CheckpointDriver start(CheckpointCoordinator coordinator, CheckpointStorage storage,
            CompletedCheckpointStore store, TaskGateway gateway, Clock clock, Duration tickPeriod) {
        if (tickPeriod.isNegative() || tickPeriod.isZero()) {
            throw new IllegalArgumentException("tick period must be > 0, got " + tickPeriod);
        }
        CheckpointDriver driver = new CheckpointDriver(coordinator, storage, store, gateway, clock, tickPeriod);
        driver.thread.start();
        return driver;
    }

    @Override
    public void acknowledge(long checkpointId, TaskId task, StateHandle state, TaskCheckpointStats stats) {
        step(nowMs -> coordinator.acknowledge(checkpointId, task, state, stats, nowMs));
    }

    @Override
    public void decline(long checkpointId, TaskId task, String reason) {
        step(nowMs -> coordinator.decline(checkpointId, task, reason, nowMs));
    }

    /**
     * Takes a savepoint as soon as a slot is free and the job runs (see {@link CheckpointCoordinator}).
     *
     * @return completes with the savepoint once it is durable, or fails with {@link CheckpointAbortedException}
     */
    public CompletableFuture<CompletedCheckpoint> triggerSavepoint() {
        CompletableFuture<CompletedCheckpoint> savepoint = track(new CompletableFuture<>());
        post(() -> {
            savepointRequests.addLast(savepoint);
            execute(coordinator.triggerSavepoint(nowMs()));
        });
        return savepoint;
    }

    /**
     * A task failed: aborts every pending checkpoint and triggers nothing until {@link #resume}. Returns once
     * the aborts are durable in the store (see the class comment).
     *
     * @throws IllegalStateException if called from a {@link TaskGateway} callback, which would wait for itself
     * @throws java.util.concurrent.CompletionException if the driver closed meanwhile
     */
    public void suspend() {
        if (Thread.currentThread() == thread) {
            throw new IllegalStateException("suspend() waits for the coordinator thread, so it cannot be called from it"
                    + " (from a TaskGateway callback); hand the failure to another thread");
        }
        CompletableFuture<Void> written = track(new CompletableFuture<>());
        post(() -> {
            execute(coordinator.suspend(nowMs()));
            io.execute(() -> written.complete(null));
        });
        written.join();
    }

    /** A checkpoint as soon as a slot is free, whatever the interval: see {@link CheckpointCoordinator#requestCheckpoint}. */
    public void requestCheckpoint() {
        step(coordinator::requestCheckpoint);
    }

    /** The job runs again after its restart: checkpoints are triggered again from the next tick. */
    public void resume() {
        step(coordinator::resume);
    }

    /** The newest completed checkpoint or savepoint, as of the last step of the coordinator. */
    public Optional<CompletedCheckpoint> latestCompleted() {
        return Optional.ofNullable(latest);
    }

    /** The recent checkpoints with their status, newest first, as of the last step of the coordinator. */
    public List<CheckpointHistoryEntry> history() {
        return history;
    }

    /** Stops the coordinator, lets the I/O thread finish what it was given, joins both threads. */
    @Override
    public void close() {
        running = false;
        mailbox.add(() -> {}); // wakes the thread
        boolean interrupted = false;
        while (thread.isAlive()) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        io.shutdown();
        try {
            if (!io.awaitTermination(IO_SHUTDOWN_WAIT_SECONDS, TimeUnit.SECONDS)) {
                LOG.error("checkpoint I/O did not finish within {} s of close; interrupting it", IO_SHUTDOWN_WAIT_SECONDS);
                io.shutdownNow();
            }
        } catch (InterruptedException e) {
            io.shutdownNow();
            interrupted = true;
        }
        CheckpointAbortedException closed = new CheckpointAbortedException(-1, "the checkpoint driver was closed");
        waiting.keySet().forEach(future -> future.completeExceptionally(closed));
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    // ---------------------------------------------------------------- the coordinator thread

    private void run() {
        long lastTick = clock.nanoTime() - tickNanos;
        while (running) {
            try {
                Runnable mail = mailbox.poll(tickNanos, TimeUnit.NANOSECONDS);
                if (mail != null) {
                    mail.run();
                }
                long now = clock.nanoTime();
                if (now - lastTick >= tickNanos) {
                    lastTick = now;
                    execute(coordinator.tick(nowMs()));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.error("checkpoint coordinator step failed; it goes on with the next", e);
            }
        }
    }

    private void execute(List<CoordinatorAction> actions) {
        for (CoordinatorAction action : actions) {
            if (action instanceof TriggerCheckpoint trigger) {
                trigger(trigger);
            } else if (action instanceof RecordCompletion record) {
                record(record.checkpoint());
            } else if (action instanceof NotifyCompleted completed) {
                completed(completed.checkpointId());
            } else if (action instanceof NotifyAborted aborted) {
                aborted(aborted.checkpointId(), aborted.reason());
            } else if (action instanceof Discard discard) {
                discard(discard.checkpointId());
            }
        }
        latest = coordinator.latestCompleted().orElse(null);
        history = coordinator.history();
    }

    private void trigger(TriggerCheckpoint trigger) {
        if (trigger.options().type() == CheckpointType.SAVEPOINT) {
            savepoints.put(trigger.checkpointId(), savepointRequests.pollFirst());
        }
        for (TaskId source : coordinator.sourceTasks()) {
            try {
                gateway.triggerCheckpoint(source, trigger.checkpointId(), trigger.timestampMs(), trigger.options());
            } catch (RuntimeException e) {
                execute(coordinator.decline(trigger.checkpointId(), source, "its barrier could not be injected: " + e,
                        nowMs()));
                return;
            }
        }
    }

    private void record(CompletedCheckpoint checkpoint) {
        recording.put(checkpoint.id(), checkpoint);
        io.execute(() -> {
            try {
                storage.writeMetadata(checkpoint);
                store.recordCompleted(checkpoint);
                step(nowMs -> coordinator.completionRecorded(checkpoint.id(), nowMs));
            } catch (RuntimeException e) {
                LOG.warn("checkpoint {}: its completion could not be recorded", checkpoint.id(), e);
                step(nowMs -> coordinator.completionRecordFailed(checkpoint.id(), String.valueOf(e.getMessage()), nowMs));
            }
        });
    }

    private void completed(long checkpointId) {
        for (TaskId task : coordinator.allTasks()) {
            try {
                gateway.notifyCompleted(task, checkpointId);
            } catch (RuntimeException e) {
                LOG.warn("task {} could not be told that checkpoint {} completed", task, checkpointId, e);
            }
        }
        CompletedCheckpoint checkpoint = recording.remove(checkpointId);
        CompletableFuture<CompletedCheckpoint> savepoint = savepoints.remove(checkpointId);
        if (savepoint != null) {
            savepoint.complete(checkpoint);
        }
    }

    private void aborted(long checkpointId, String reason) {
        LOG.info("checkpoint {} aborted: {}", checkpointId, reason);
        for (TaskId task : coordinator.allTasks()) {
            try {
                gateway.notifyAborted(task, checkpointId, reason);
            } catch (RuntimeException e) {
                LOG.warn("task {} could not be told that checkpoint {} was aborted", task, checkpointId, e);
            }
        }
        recording.remove(checkpointId);
        CompletableFuture<CompletedCheckpoint> savepoint = savepoints.remove(checkpointId);
        if (savepoint != null) {
            savepoint.completeExceptionally(
                    new CheckpointAbortedException(checkpointId, "savepoint " + checkpointId + " aborted: " + reason));
        }
        AbortedCheckpoint entry = coordinator.history().stream()
                .filter(h -> h.id() == checkpointId)
                .findFirst()
                .map(AbortedCheckpoint::of)
                .orElse(new AbortedCheckpoint(checkpointId, CheckpointType.CHECKPOINT, -1, nowMs(), reason));
        io.execute(() -> {
            try {
                store.recordAborted(entry);
            } catch (RuntimeException e) {
                LOG.warn("checkpoint {}: its abort could not be recorded", checkpointId, e);
            }
        });
    }

    private void discard(long checkpointId) {
        io.execute(() -> {
            try {
                if (store.isCompleted(checkpointId)) {
                    store.recordDiscarded(checkpointId);
                }
                storage.discard(checkpointId);
            } catch (RuntimeException e) {
                LOG.warn("checkpoint {} could not be discarded; its files are removed at the next start", checkpointId,
                        e);
            }
        });
    }

    // ---------------------------------------------------------------- plumbing

    private void step(LongFunction<List<CoordinatorAction>> call) {
        post(() -> execute(call.apply(nowMs())));
    }

    private void post(Runnable mail) {
        if (running) {
            mailbox.add(mail);
        }
    }

    private long nowMs() {
        return wallOriginMs + (clock.nanoTime() - nanoOrigin) / 1_000_000;
    }

    private <T> CompletableFuture<T> track(CompletableFuture<T> future) {
        waiting.put(future, Boolean.TRUE);
        future.whenComplete((value, error) -> waiting.remove(future));
        if (!running) {
            future.completeExceptionally(new CheckpointAbortedException(-1, "the checkpoint driver is closed"));
        }
        return future;
    }

    private static Thread daemon(Runnable runnable, String name) {
        Thread thread = new Thread(runnable, name);
        thread.setDaemon(true);
        return thread;
    }
}
