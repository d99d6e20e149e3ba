package io.shepherd.cli.bench;

import io.shepherd.api.execution.CheckpointStats;
import java.util.List;
import java.util.Locale;

/**
 * What the checkpoints of a variant's measured runs cost, over all of them: completed checkpoints
 * per run, their end-to-end duration (trigger to durable completion record), the longest pause of a
 * task for its synchronous part, state per checkpoint, and the wait at the end of a bounded job for a
 * checkpoint covering its end.
 */
record CheckpointFigures(double completedPerRun, long aborted, double durationMsMean, long durationMsMax,
        double syncMsMax, double stateBytesMean, long channelStateBytesMax, double endWaitMsMean) {

    static CheckpointFigures of(List<BenchRunner.Run> runs) {
        List<CheckpointStats> completed = runs.stream()
                .flatMap(run -> run.checkpoints().stream())
                .filter(stats -> stats.isCompleted() && !stats.savepoint())
                .toList();
        long aborted = runs.stream()
                .flatMap(run -> run.checkpoints().stream())
                .filter(stats -> stats.status() == CheckpointStats.Status.ABORTED)
                .count();
        return new CheckpointFigures(
                (double) completed.size() / runs.size(),
                aborted,
                completed.stream().mapToLong(stats -> stats.duration().toMillis()).average().orElse(0),
                completed.stream().mapToLong(stats -> stats.duration().toMillis()).max().orElse(0),
                completed.stream().mapToLong(stats -> stats.maxSyncPart().toNanos()).max().orElse(0) / 1e6,
                completed.stream().mapToLong(CheckpointStats::stateBytes).average().orElse(0),
                completed.stream().mapToLong(CheckpointStats::channelStateBytes).max().orElse(0),
                runs.stream().mapToLong(BenchRunner.Run::endWaitNanos).average().orElse(0) / 1e6);
    }

    String json() {
        return String.format(Locale.ROOT,
                "\"checkpoints_per_run\":%.1f,\"checkpoints_aborted\":%d,\"checkpoint_ms_mean\":%.1f,"
                        + "\"checkpoint_ms_max\":%d,\"checkpoint_sync_ms_max\":%.2f,\"checkpoint_state_bytes_mean\":%.0f,"
                        + "\"checkpoint_channel_bytes_max\":%d,\"end_wait_ms_mean\":%.0f",
                completedPerRun, aborted, durationMsMean, durationMsMax, syncMsMax, stateBytesMean, channelStateBytesMax,
                endWaitMsMean);
    }
}
