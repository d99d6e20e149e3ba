package io.shepherd.runtime.checkpoint;

import io.shepherd.runtime.checkpoint.CheckpointEdit.Aborted;
import io.shepherd.runtime.checkpoint.CheckpointEdit.Completed;
import io.shepherd.runtime.checkpoint.CheckpointEdit.Discarded;
import io.shepherd.wal.meta.StateMachine;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.TreeMap;

/**
 * The durable state of the {@link CompletedCheckpointStore}: the completed checkpoints and savepoints that
 * are kept, the most recent aborts (bounded, for statistics), and the highest checkpoint id ever recorded.
 */
final class CheckpointLedger implements StateMachine<CheckpointEdit> {

    static final int ABORTS_KEPT = 50;

    private final TreeMap<Long, CheckpointSummary> completed = new TreeMap<>();
    private final ArrayDeque<AbortedCheckpoint> aborts = new ArrayDeque<>();
    private long highestId;

    @Override
    public void apply(CheckpointEdit edit) {
        if (edit instanceof Completed c) {
            completed.put(c.checkpoint().id(), c.checkpoint());
            highestId = Math.max(highestId, c.checkpoint().id());
        } else if (edit instanceof Aborted a) {
            completed.remove(a.checkpoint().id());
            aborts.addLast(a.checkpoint());
            if (aborts.size() > ABORTS_KEPT) {
                aborts.removeFirst();
            }
            highestId = Math.max(highestId, a.checkpoint().id());
        } else if (edit instanceof Discarded d) {
            completed.remove(d.checkpointId());
        }
    }

    @Override
    public byte[] writeImage() {
        return LedgerCodec.encodeImage(highestId, completed.values(), aborts);
    }

    @Override
    public void loadImage(byte[] image) {
        LedgerCodec.decodeImage(image, this);
    }

    void restore(long highestId, List<CheckpointSummary> completed, List<AbortedCheckpoint> aborts) {
        this.highestId = highestId;
        completed.forEach(c -> this.completed.put(c.id(), c));
        this.aborts.addAll(aborts);
    }

    boolean isCompleted(long checkpointId) {
        return completed.containsKey(checkpointId);
    }

    /** Completed checkpoints and savepoints, newest first. */
    List<CheckpointSummary> completedNewestFirst() {
        List<CheckpointSummary> list = new ArrayList<>(completed.values());
        Collections.reverse(list);
        return list;
    }

    List<AbortedCheckpoint> recentAborts() {
        return List.copyOf(aborts);
    }

    long highestId() {
        return highestId;
    }
}
