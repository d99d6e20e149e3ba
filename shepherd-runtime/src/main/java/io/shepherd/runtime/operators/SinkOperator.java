package io.shepherd.runtime.operators;

import io.shepherd.api.sink.Committer;
import io.shepherd.api.sink.Sink;
import io.shepherd.api.sink.SinkWriter;
import io.shepherd.api.sink.TwoPhaseCommitSink;
import io.shepherd.api.sink.TwoPhaseCommitWriter;
import io.shepherd.api.state.ListState;
import io.shepherd.api.state.ListStateDescriptor;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * Hands records to the user's sink writer; flushes it before every checkpoint and when the input
 * ends. A {@link TwoPhaseCommitSink} is driven through its protocol: pre-commit on every barrier,
 * the pre-committed output kept in the snapshot until its checkpoint completes, then committed;
 * on restore what the checkpoint held is committed and everything else aborted before any write.
 */
final class SinkOperator extends StreamOperator {
    private static final ListStateDescriptor<PendingCommit> PENDING =
            new ListStateDescriptor<>("pending-commits", PendingCommit.class);

    private final Sink<Object> sink;
    private SinkWriter<Object> writer;
    private Committer<Serializable> committer;
    /** Pre-committed output by the checkpoint it belongs to, until that checkpoint completes. */
    private final NavigableMap<Long, List<Serializable>> pending = new TreeMap<>();

    /** Output of one checkpoint waiting for it to complete; kept in operator state. */
    record PendingCommit(long checkpointId, List<Serializable> committables) implements Serializable {}

    @SuppressWarnings("unchecked")
    SinkOperator(OperatorContext context, Sink<?> sink) {
        super(context);
        this.sink = (Sink<Object>) sink;
    }

    @Override
    @SuppressWarnings("unchecked")
    public void open() throws Exception {
        if (sink instanceof TwoPhaseCommitSink<?, ?> twoPhase) {
            committer = (Committer<Serializable>) twoPhase.createCommitter(context);
            List<Serializable> restored = new ArrayList<>();
            for (PendingCommit commit : pendingState().get()) {
                restored.addAll(commit.committables());
            }
            if (!restored.isEmpty()) {
                committer.commit(restored);
            }
            committer.abortUncommitted();
            pendingState().clear();
        }
        writer = sink.createWriter(context);
    }

    @Override
    public void processElement(Object record, long timestamp) {
        context.counters().recordsIn++;
        try {
            writer.write(record);
        } catch (Exception e) {
            recordFailed(record, timestamp, e);
        }
    }

    @Override
    public void processWatermark(long watermark) {}

    @Override
    public boolean writesOut() {
        return true;
    }

    @Override
    public void flushBeforeAck() throws Exception {
        writer.flush();
    }

    @Override
    public void prepareSnapshot(long checkpointId) throws Exception {
        writer.flush();
        if (committer == null) {
            return;
        }
        List<Serializable> committables = twoPhaseWriter().preCommit(checkpointId);
        if (!committables.isEmpty()) {
            pending.put(checkpointId, List.copyOf(committables));
        }
        List<PendingCommit> state = new ArrayList<>();
        for (Map.Entry<Long, List<Serializable>> entry : pending.entrySet()) {
            state.add(new PendingCommit(entry.getKey(), entry.getValue()));
        }
        pendingState().update(state);
    }

    @Override
    public void notifyCheckpointComplete(long checkpointId) throws Exception {
        if (committer == null) {
            return;
        }
        NavigableMap<Long, List<Serializable>> due = pending.headMap(checkpointId, true);
        List<Serializable> committables = new ArrayList<>();
        due.values().forEach(committables::addAll);
        if (!committables.isEmpty()) {
            committer.commit(committables);
        }
        due.clear();
    }

    /**
     * Without checkpoints the output is committed here; with them it waits for the checkpoint
     * that covers the end of the input, so a restore to an earlier one cannot repeat it.
     */
    @Override
    public void finish() throws Exception {
        writer.flush();
        if (committer != null && !context.isCheckpointing()) {
            committer.commit(twoPhaseWriter().preCommit(Long.MAX_VALUE));
        }
    }

    @Override
    public void close() throws Exception {
        try {
            if (writer != null) {
                writer.close();
            }
        } finally {
            if (committer != null) {
                committer.close();
            }
        }
    }

    @SuppressWarnings("unchecked")
    private TwoPhaseCommitWriter<Object, Serializable> twoPhaseWriter() {
        return (TwoPhaseCommitWriter<Object, Serializable>) writer;
    }

    private ListState<PendingCommit> pendingState() {
        return context.getOperatorListState(PENDING);
    }
}
