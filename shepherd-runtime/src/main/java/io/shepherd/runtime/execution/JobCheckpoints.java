package io.shepherd.runtime.execution;

import io.shepherd.api.checkpoint.CheckpointConfig;
import io.shepherd.common.Clock;
import io.shepherd.common.io.Disk;
import io.shepherd.runtime.checkpoint.CheckpointCoordinator;
import io.shepherd.runtime.checkpoint.CheckpointDriver;
import io.shepherd.runtime.checkpoint.CompletedCheckpoint;
import io.shepherd.runtime.checkpoint.CompletedCheckpointStore;
import io.shepherd.runtime.checkpoint.CoordinatorSettings;
import io.shepherd.runtime.checkpoint.LocalCheckpointStorage;
import io.shepherd.runtime.checkpoint.TaskGateway;
import io.shepherd.runtime.checkpoint.TaskId;
import io.shepherd.runtime.graph.JobGraph;
import io.shepherd.runtime.graph.JobVertex;
import io.shepherd.runtime.task.CheckpointServices;
import io.shepherd.runtime.task.RestoredJobState;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The checkpoint machinery of one running job: storage, the durable record of completed
 * checkpoints, the coordinator's driver, the threads that write snapshots, and the state the
 * next attempt restores from.
 */
final class JobCheckpoints {
    private static final Logger LOG = LoggerFactory.getLogger(JobCheckpoints.class);
    private static final Duration TICK = Duration.ofMillis(5);
    /** {@link CheckpointConfig#restoreFrom()} value that resumes from the newest checkpoint in the directory. */
    static final String LATEST = "latest";

    private final JobGraph graph;
    private final CheckpointConfig config;
    private final Clock clock;
    private final Path root;
    private final boolean temporary;
    private final LocalCheckpointStorage storage;
    private final CompletedCheckpointStore store;
    private final ExecutorService snapshotWriters;
    private CheckpointDriver driver;
    private volatile RestoredJobState restore;
    private volatile long restoredId = -1;
    /** The checkpoint of this directory the job resumed from, whose retention the new coordinator takes over. */
    private CompletedCheckpoint resumedFrom;

    private JobCheckpoints(JobGraph graph, Clock clock, Path root, boolean temporary) {
        this.graph = graph;
        this.config = graph.plan().config().checkpointing();
        this.clock = clock;
        this.root = root;
        this.temporary = temporary;
        this.storage = new LocalCheckpointStorage(Disk.local(), root);
        this.store = CompletedCheckpointStore.openIn(Disk.local(), root);
        this.snapshotWriters = Executors.newFixedThreadPool(2, runnable -> {
            Thread thread = new Thread(runnable, "shepherd-" + graph.plan().jobName() + "-snapshot-writer");
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Opens the checkpoint directory and reads the state the job starts from, failing before
     * anything runs when it does not fit the job.
     */
    static JobCheckpoints open(JobGraph graph, Clock clock) {
        CheckpointConfig config = graph.plan().config().checkpointing();
        boolean temporary = config.directory() == null;
        Path root;
        try {
            root = temporary ? Files.createTempDirectory("shepherd-checkpoints-") : Path.of(config.directory());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a directory for checkpoints", e);
        }
        JobCheckpoints checkpoints = new JobCheckpoints(graph, clock, root, temporary);
        List<Long> leftovers = checkpoints.store.discardUnrecorded(checkpoints.storage);
        if (!leftovers.isEmpty()) {
            LOG.info("discarded checkpoints {} that an earlier run left unfinished in {}", leftovers, root);
        }
        try {
            checkpoints.readInitialState();
        } catch (RuntimeException e) {
            checkpoints.close(true); // nothing ran: release the directory's lock, and a temporary one is not needed
            throw e;
        }
        return checkpoints;
    }

    private void readInitialState() {
        String from = config.restoreFrom();
        if (from == null) {
            return;
        }
        RestoredCheckpoint restored;
        if (from.equals(LATEST)) {
            var latest = store.latestRestorable(storage);
            if (latest.isEmpty()) {
                LOG.info("no completed checkpoint in {} to resume from; starting empty", root);
                return;
            }
            resumedFrom = latest.get().checkpoint();
            restored = RestoredCheckpoint.read(resumedFrom, storage::readState);
        } else {
            restored = PortableCheckpoint.read(Path.of(from));
        }
        SavepointCheck.requireFits(graph, restored, from.equals(LATEST) ? "its latest checkpoint" : from, clock);
        restore = restored;
        restoredId = restored.checkpointId();
    }

    void start(TaskGateway gateway) {
        List<TaskId> sources = new ArrayList<>();
        Map<TaskId, String> names = new LinkedHashMap<>();
        for (JobVertex vertex : graph.vertices()) {
            for (int subtask = 0; subtask < vertex.parallelism(); subtask++) {
                TaskId id = new TaskId(vertex.id(), subtask);
                names.put(id, "task '" + vertex.name() + "' subtask " + subtask);
                if (vertex.isSource()) {
                    sources.add(id);
                }
            }
        }
        CheckpointCoordinator coordinator = new CheckpointCoordinator(CoordinatorSettings.from(config), sources, names,
                Math.max(store.highestCheckpointId(), restoredId));
        if (resumedFrom != null) {
            coordinator.adoptRecovered(store.retainedCheckpointIds(), resumedFrom);
        }
        driver = CheckpointDriver.start(coordinator, storage, store, gateway, clock, TICK);
    }

    CheckpointDriver driver() {
        return driver;
    }

    CheckpointServices services() {
        return new CheckpointServices(storage, driver, snapshotWriters);
    }

    /** What the next attempt starts from; null for empty. */
    RestoredJobState restoreState() {
        return restore;
    }

    long restoredCheckpointId() {
        return restoredId;
    }

    /** After a failure: the next attempt restores from the latest completed checkpoint, if there is one. */
    void prepareRestore() {
        driver.latestCompleted().ifPresent(latest -> {
            restore = RestoredCheckpoint.read(latest, storage::readState);
            restoredId = latest.id();
        });
    }

    String directoryOf(CompletedCheckpoint checkpoint) {
        return root.resolve(checkpoint.location()).toString();
    }

    /** Stops the driver and the writers; a temporary directory of a job that finished is deleted. */
    void close(boolean finished) {
        if (driver != null) {
            driver.close();
        }
        snapshotWriters.shutdownNow();
        store.close();
        if (temporary && finished) {
            deleteRecursively(root);
        }
    }

    private static void deleteRecursively(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            LOG.warn("cannot delete the temporary checkpoint directory {}", root, e);
        }
    }
}
