package io.shepherd.runtime.checkpoint;

import io.shepherd.common.io.Disk;
import io.shepherd.runtime.checkpoint.CheckpointEdit.Aborted;
import io.shepherd.runtime.checkpoint.CheckpointEdit.Completed;
import io.shepherd.runtime.checkpoint.CheckpointEdit.Discarded;
import io.shepherd.wal.meta.MetadataStore;
import io.shepherd.wal.meta.MetadataStoreOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The durable record of a job's completed checkpoints, kept in a write-ahead-log metadata store (edits plus
 * images, DESIGN.md part 4) under {@code <checkpoint root>/_log}. A checkpoint counts as complete only once
 * its {@code Completed} edit is durable: {@link #recordCompleted} returns then. Its metadata file must be
 * written before, so that every recorded checkpoint has one (unless damaged since, which
 * {@link #latestRestorable} survives).
 *
 * <p>Edits: {@code Completed(summary)}, {@code Aborted(id, reason)} (also undoes a completion recorded
 * before the coordinator gave the checkpoint up) and {@code Discarded(id)} (fell out of retention; written
 * before its files are deleted). Opening the store locks its directory: one job writes it at a time.
 *
 * <p>Thread-safe.
 */
public final class CompletedCheckpointStore implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(CompletedCheckpointStore.class);
    private static final long IMAGE_EVERY_EDITS = 1_000;

    private final Path directory;
    private final MetadataStore<CheckpointEdit, CheckpointLedger> store;

    private CompletedCheckpointStore(Path directory, MetadataStore<CheckpointEdit, CheckpointLedger> store) {
        this.directory = directory;
        this.store = store;
    }

    /**
     * Opens (creating if needed) the store in {@code directory} and recovers it: exactly the edits that were
     * durable.
     *
     * @throws io.shepherd.wal.WalException if the directory is locked by another job, or the log is damaged
     */
    public static CompletedCheckpointStore open(Disk disk, Path directory) {
        MetadataStoreOptions options = MetadataStoreOptions.builder(directory)
                .disk(disk)
                .imageEveryEdits(IMAGE_EVERY_EDITS)
                .build();
        return new CompletedCheckpointStore(directory, MetadataStore.open(options, new CheckpointLedger(),
                LedgerCodec.INSTANCE));
    }

    /** The store of the checkpoints under {@code checkpointRoot}, in its {@link CheckpointLayout#STORE_DIRECTORY}. */
    public static CompletedCheckpointStore openIn(Disk disk, Path checkpointRoot) {
        return open(disk, checkpointRoot.resolve(CheckpointLayout.STORE_DIRECTORY));
    }

    /** Records that the checkpoint is complete; it is, durably, when this returns. */
    public void recordCompleted(CompletedCheckpoint checkpoint) {
        store.apply(new Completed(CheckpointSummary.of(checkpoint)));
    }

    /** Records that a checkpoint was given up; undoes its completion if that was recorded before. */
    public void recordAborted(AbortedCheckpoint checkpoint) {
        store.apply(new Aborted(checkpoint));
    }

    /** Records that a completed checkpoint left retention; delete its files only after this returns. */
    public void recordDiscarded(long checkpointId) {
        store.apply(new Discarded(checkpointId));
    }

    public boolean isCompleted(long checkpointId) {
        return store.read(ledger -> ledger.isCompleted(checkpointId));
    }

    /** The completed checkpoints and savepoints recorded and not discarded, newest first. */
    public List<CheckpointSummary> recover() {
        return store.read(CheckpointLedger::completedNewestFirst);
    }

    /** The ids of the recorded checkpoints (not savepoints), oldest first: what the coordinator's retention adopts. */
    public List<Long> retainedCheckpointIds() {
        List<Long> ids = new ArrayList<>();
        for (CheckpointSummary checkpoint : recover()) {
            if (checkpoint.type() == CheckpointType.CHECKPOINT) {
                ids.add(0, checkpoint.id());
            }
        }
        return ids;
    }

    /** The most recent aborts, oldest first (at most {@value CheckpointLedger#ABORTS_KEPT}). */
    public List<AbortedCheckpoint> recentAborts() {
        return store.read(CheckpointLedger::recentAborts);
    }

    /** The highest checkpoint id recorded (completed or aborted); 0 for none. */
    public long highestCheckpointId() {
        return store.read(CheckpointLedger::highestId);
    }

    /**
     * The newest recorded checkpoint whose metadata reads and verifies. A newer one that does not is skipped,
     * logged and named in {@link RestorePoint#skipped()}.
     *
     * @return empty if no checkpoint was ever recorded (start the job empty)
     * @throws CheckpointStorageException if checkpoints were recorded but none can be read: starting empty
     *     would silently lose the job's state
     */
    public Optional<RestorePoint> latestRestorable(CheckpointStorage storage) {
        List<CheckpointSummary> recorded = recover();
        List<String> skipped = new ArrayList<>();
        for (CheckpointSummary candidate : recorded) {
            try {
                CompletedCheckpoint checkpoint = storage.readMetadata(candidate.location());
                if (checkpoint.id() != candidate.id()) {
                    throw new CorruptCheckpointException(Path.of(candidate.location()), "holds checkpoint "
                            + checkpoint.id() + " where checkpoint " + candidate.id() + " was recorded");
                }
                return Optional.of(new RestorePoint(checkpoint, skipped));
            } catch (CheckpointStorageException e) {
                LOG.warn("cannot restore from {} {}, falling back to an older one: {}",
                        candidate.type().name().toLowerCase(), candidate.id(), e.getMessage());
                skipped.add(e.getMessage());
            }
        }
        if (!recorded.isEmpty()) {
            throw new CheckpointStorageException(directory, "none of the " + recorded.size()
                    + " recorded checkpoints can be read, so the job's state is lost; restore the checkpoint"
                    + " directory from a backup or start from a savepoint. Problems: " + String.join("; ", skipped),
                    null);
        }
        return Optional.empty();
    }

    /**
     * Discards what a crashed run left in storage: checkpoint directories the store does not record as
     * complete, and savepoint directories without metadata. Call at start, before checkpoints are triggered.
     *
     * @return the ids discarded
     */
    public List<Long> discardUnrecorded(CheckpointStorage storage) {
        List<Long> discarded = new ArrayList<>();
        for (StoredCheckpoint stored : storage.list()) {
            boolean leftover = stored.type() == CheckpointType.CHECKPOINT
                    ? !isCompleted(stored.id())
                    : !stored.hasMetadata();
            if (leftover) {
                storage.discard(stored.id());
                discarded.add(stored.id());
            }
        }
        return discarded;
    }

    @Override
    public void close() {
        store.close();
    }

    /**
     * What to restore from.
     *
     * @param skipped why newer recorded checkpoints could not be used, newest first; empty if none was skipped
     */
    public record RestorePoint(CompletedCheckpoint checkpoint, List<String> skipped) {

        public RestorePoint {
            skipped = List.copyOf(skipped);
        }

        /** Whether a newer checkpoint was unreadable and this is an older one. */
        public boolean fellBack() {
            return !skipped.isEmpty();
        }
    }
}
