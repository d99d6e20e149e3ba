package io.shepherd.runtime.execution;

import io.shepherd.api.execution.CheckpointStats;
import io.shepherd.runtime.checkpoint.CheckpointHistoryEntry;
import io.shepherd.runtime.checkpoint.CheckpointType;
import io.shepherd.runtime.checkpoint.CompletedCheckpoint;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The coordinator's checkpoint history as the public statistics of {@link io.shepherd.api.execution.JobClient}. */
final class CheckpointStatistics {
    private CheckpointStatistics() {}

    /** @param newestFirst the history as the checkpoint driver keeps it */
    static List<CheckpointStats> oldestFirst(List<CheckpointHistoryEntry> newestFirst) {
        List<CheckpointStats> stats = new ArrayList<>(newestFirst.size());
        for (int i = newestFirst.size() - 1; i >= 0; i--) {
            stats.add(of(newestFirst.get(i)));
        }
        return stats;
    }

    private static CheckpointStats of(CheckpointHistoryEntry entry) {
        CheckpointStats.Status status = switch (entry.status()) {
            case IN_PROGRESS -> CheckpointStats.Status.IN_PROGRESS;
            case COMPLETED -> CheckpointStats.Status.COMPLETED;
            case ABORTED -> CheckpointStats.Status.ABORTED;
        };
        Duration duration = entry.endTimeMs() < 0 ? null : Duration.ofMillis(entry.endTimeMs() - entry.triggerTimeMs());
        // The acknowledgements of an aborted or unfinished checkpoint are partial: report no sizes for them.
        CompletedCheckpoint completed = status == CheckpointStats.Status.COMPLETED ? entry.completed() : null;
        return new CheckpointStats(entry.id(), entry.type() == CheckpointType.SAVEPOINT, status, entry.triggerTimeMs(),
                duration,
                completed == null ? 0 : completed.stateBytes(),
                completed == null ? 0 : completed.channelStateBytes(),
                Duration.ofNanos(completed == null ? 0 : completed.maxAlignmentNanos()),
                Duration.ofNanos(completed == null ? 0 : completed.maxSyncNanos()),
                entry.failureReason());
    }
}
