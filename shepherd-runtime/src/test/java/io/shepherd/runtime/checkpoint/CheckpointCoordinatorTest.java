package io.shepherd.runtime.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shepherd.api.checkpoint.CheckpointConfig;
import io.shepherd.api.checkpoint.CheckpointingMode;
import io.shepherd.runtime.checkpoint.CoordinatorAction.Discard;
import io.shepherd.runtime.checkpoint.CoordinatorAction.NotifyAborted;
import io.shepherd.runtime.checkpoint.CoordinatorAction.NotifyCompleted;
import io.shepherd.runtime.checkpoint.CoordinatorAction.RecordCompletion;
import io.shepherd.runtime.checkpoint.CoordinatorAction.TriggerCheckpoint;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Scripted scenarios of the coordinator's rules; the simulation test covers their interleavings. */
class CheckpointCoordinatorTest {

    private static final TaskId SOURCE = new TaskId(0, 0);
    private static final TaskId SINK = new TaskId(1, 0);
    private static final TaskCheckpointStats STATS = new TaskCheckpointStats(10, 20, 30, 100, 7);

    /** interval 100, min pause 0, timeout 1000, one at a time, two retained. */
    private static CoordinatorSettings settings(long minPauseMs, int maxConcurrent, int retained) {
        return new CoordinatorSettings(100, minPauseMs, 1_000, maxConcurrent, retained, CheckpointingMode.ALIGNED,
                Long.MAX_VALUE);
    }

    private static CheckpointCoordinator coordinator(CoordinatorSettings settings, long lastId) {
        return new CheckpointCoordinator(settings, List.of(SOURCE), List.of(SOURCE, SINK), lastId);
    }

    private static long triggered(List<CoordinatorAction> actions) {
        assertThat(actions).hasSize(1).first().isInstanceOf(TriggerCheckpoint.class);
        return ((TriggerCheckpoint) actions.get(0)).checkpointId();
    }

    private static List<CoordinatorAction> ackAll(CheckpointCoordinator coordinator, long id, long nowMs) {
        coordinator.acknowledge(id, SOURCE, new StateHandle("chk-" + id + "/task-0-0.state", 5, 1), STATS, nowMs);
        return coordinator.acknowledge(id, SINK, null, STATS, nowMs + 1);
    }

    @Test
    void when_every_task_acknowledged_then_the_checkpoint_completes_only_once_its_record_is_durable() {
        CheckpointCoordinator coordinator = coordinator(settings(0, 1, 2), 0);
        assertThat(coordinator.tick(1_000)).isEmpty(); // the first checkpoint is due one interval after the first call
        long id = triggered(coordinator.tick(1_100));

        List<CoordinatorAction> acked = ackAll(coordinator, id, 1_150);

        assertThat(acked).singleElement().isInstanceOfSatisfying(RecordCompletion.class, record -> {
            CompletedCheckpoint checkpoint = record.checkpoint();
            assertThat(checkpoint.id()).isEqualTo(id);
            assertThat(checkpoint.tasks()).containsOnlyKeys(SOURCE, SINK);
            assertThat(checkpoint.lastAcknowledged()).isEqualTo(SINK);
            assertThat(checkpoint.location()).isEqualTo("chk-1");
            assertThat(checkpoint.durationMs()).isEqualTo(51);
            assertThat(checkpoint.stateBytes()).isEqualTo(200);
            assertThat(checkpoint.channelStateBytes()).isEqualTo(14);
        });
        assertThat(coordinator.latestCompleted()).isEmpty();
        assertThat(coordinator.history().get(0).status()).isEqualTo(CheckpointStatus.IN_PROGRESS);

        assertThat(coordinator.completionRecorded(id, 1_160)).containsExactly(new NotifyCompleted(id));
        assertThat(coordinator.latestCompleted()).map(CompletedCheckpoint::id).contains(id);
        assertThat(coordinator.history().get(0).status()).isEqualTo(CheckpointStatus.COMPLETED);
    }

    @Test
    void when_a_task_acknowledges_twice_then_it_is_counted_once() {
        CheckpointCoordinator coordinator = coordinator(settings(0, 1, 1), 0);
        coordinator.tick(0);
        long id = triggered(coordinator.tick(100));

        assertThat(coordinator.acknowledge(id, SOURCE, null, STATS, 110)).isEmpty();
        assertThat(coordinator.acknowledge(id, SOURCE, null, STATS, 111)).isEmpty();
        assertThat(coordinator.acknowledge(id, new TaskId(9, 9), null, STATS, 112)).as("not a task of the job").isEmpty();

        assertThat(coordinator.history().get(0).acknowledged()).isEqualTo(1);
        assertThat(coordinator.acknowledge(id, SINK, null, STATS, 113)).singleElement().isInstanceOf(RecordCompletion.class);
        assertThat(coordinator.acknowledge(id, SINK, null, STATS, 114)).as("after every task acknowledged").isEmpty();
    }

    @Test
    void when_a_task_declines_then_the_checkpoint_is_aborted_notified_and_discarded_and_late_answers_are_ignored() {
        CheckpointCoordinator coordinator = coordinator(settings(0, 1, 1), 0);
        coordinator.tick(0);
        long id = triggered(coordinator.tick(100));

        List<CoordinatorAction> declined = coordinator.decline(id, SINK, "disk full", 120);

        assertThat(declined).hasSize(2);
        assertThat(declined.get(0)).isInstanceOfSatisfying(NotifyAborted.class,
                aborted -> assertThat(aborted.reason()).contains("declined by task 1/0").contains("disk full"));
        assertThat(declined.get(1)).isEqualTo(new Discard(id));
        assertThat(coordinator.decline(id, SINK, "again", 121)).isEmpty();
        assertThat(ackAll(coordinator, id, 122)).isEmpty();
        assertThat(coordinator.history().get(0).status()).isEqualTo(CheckpointStatus.ABORTED);
    }

    @Test
    void when_a_checkpoint_times_out_while_being_recorded_then_the_late_record_is_ignored() {
        CheckpointCoordinator coordinator = coordinator(settings(0, 1, 1), 0);
        coordinator.tick(0);
        long id = triggered(coordinator.tick(100));
        ackAll(coordinator, id, 200);

        List<CoordinatorAction> timedOut = coordinator.tick(1_100);

        assertThat(timedOut).hasSize(3); // abort, discard, and the next checkpoint
        assertThat(timedOut.get(0)).isInstanceOfSatisfying(NotifyAborted.class,
                aborted -> assertThat(aborted.reason()).contains("timed out after 1000 ms").contains("being recorded"));
        assertThat(timedOut.get(1)).isEqualTo(new Discard(id));
        assertThat(coordinator.completionRecorded(id, 1_101)).isEmpty();
        assertThat(coordinator.latestCompleted()).isEmpty();
    }

    @Test
    void when_a_completion_record_fails_then_the_checkpoint_is_aborted() {
        CheckpointCoordinator coordinator = coordinator(settings(0, 1, 1), 0);
        coordinator.tick(0);
        long id = triggered(coordinator.tick(100));
        ackAll(coordinator, id, 150);

        assertThat(coordinator.completionRecordFailed(id, "no space", 160))
                .containsExactly(new NotifyAborted(id, "its completion record failed: no space"), new Discard(id));
    }

    @Test
    void when_more_checkpoints_complete_than_are_retained_then_the_oldest_are_discarded() {
        CheckpointCoordinator coordinator = coordinator(settings(0, 1, 2), 0);
        coordinator.tick(0);
        for (long t = 100; t <= 300; t += 100) {
            long id = triggered(coordinator.tick(t));
            ackAll(coordinator, id, t + 10);
            List<CoordinatorAction> completed = coordinator.completionRecorded(id, t + 20);
            if (id < 3) {
                assertThat(completed).containsExactly(new NotifyCompleted(id));
            } else {
                assertThat(completed).containsExactly(new NotifyCompleted(3), new Discard(1));
            }
        }
        assertThat(coordinator.retainedCheckpointIds()).containsExactly(2L, 3L);
    }

    @Test
    void when_a_newer_checkpoint_completes_then_older_pending_ones_are_subsumed() {
        CheckpointCoordinator coordinator = coordinator(settings(0, 2, 1), 0);
        coordinator.tick(0);
        long older = triggered(coordinator.tick(100));
        long newer = triggered(coordinator.tick(200));
        ackAll(coordinator, newer, 210);

        assertThat(coordinator.completionRecorded(newer, 220))
                .containsExactly(new NotifyCompleted(newer), new NotifyAborted(older, "subsumed by checkpoint 2"),
                        new Discard(older));
    }

    @Test
    void when_the_minimum_pause_has_not_passed_then_the_next_checkpoint_waits() {
        CheckpointCoordinator coordinator = coordinator(settings(250, 1, 1), 0);
        coordinator.tick(0);
        long id = triggered(coordinator.tick(100));
        ackAll(coordinator, id, 110);
        coordinator.completionRecorded(id, 150);

        assertThat(coordinator.tick(200)).as("interval passed, pause not").isEmpty();
        assertThat(coordinator.tick(399)).isEmpty();
        assertThat(triggered(coordinator.tick(400))).isEqualTo(2);
    }

    @Test
    void when_suspended_then_pending_checkpoints_abort_and_nothing_is_triggered_until_resumed() {
        CheckpointCoordinator coordinator = coordinator(settings(0, 1, 1), 0);
        coordinator.tick(0);
        long id = triggered(coordinator.tick(100));

        List<CoordinatorAction> suspended = coordinator.suspend(150);

        assertThat(suspended).hasSize(2).first().isInstanceOfSatisfying(NotifyAborted.class,
                aborted -> assertThat(aborted.reason()).contains("suspended"));
        assertThat(coordinator.tick(500)).isEmpty();
        assertThat(coordinator.triggerSavepoint(501)).as("queued while suspended").isEmpty();
        assertThat(coordinator.resume(600)).isEmpty();
        List<CoordinatorAction> resumed = coordinator.tick(601);
        assertThat(resumed).hasSize(1).first().isInstanceOfSatisfying(TriggerCheckpoint.class,
                trigger -> assertThat(trigger.options().type()).isEqualTo(CheckpointType.SAVEPOINT));
        assertThat(((TriggerCheckpoint) resumed.get(0)).checkpointId()).isEqualTo(id + 1);
    }

    @Test
    void when_every_slot_is_taken_then_a_savepoint_waits_for_one_and_goes_before_periodic_checkpoints() {
        CheckpointCoordinator coordinator = coordinator(settings(0, 1, 1), 0);
        coordinator.tick(0);
        long id = triggered(coordinator.tick(100));

        assertThat(coordinator.triggerSavepoint(110)).isEmpty();
        ackAll(coordinator, id, 120);
        coordinator.completionRecorded(id, 130);
        List<CoordinatorAction> next = coordinator.tick(300);

        assertThat(next).singleElement().isInstanceOfSatisfying(TriggerCheckpoint.class, trigger -> {
            assertThat(trigger.options()).isEqualTo(new CheckpointOptions(CheckpointType.SAVEPOINT,
                    CheckpointingMode.ALIGNED, Long.MAX_VALUE));
            assertThat(trigger.checkpointId()).isEqualTo(2);
        });
        ackAll(coordinator, 2, 310);
        assertThat(coordinator.completionRecorded(2, 320)).as("savepoints are not retained, so none is discarded")
                .containsExactly(new NotifyCompleted(2));
        assertThat(coordinator.latestCompleted()).map(CompletedCheckpoint::location).contains("savepoints/sp-2");
        assertThat(coordinator.retainedCheckpointIds()).containsExactly(1L);
    }

    @Test
    void when_restored_then_ids_continue_and_retention_discards_the_adopted_checkpoints() {
        CheckpointCoordinator coordinator = coordinator(settings(0, 1, 1), 41);
        coordinator.adoptRecovered(List.of(40L, 38L), null);
        coordinator.tick(0);
        long id = triggered(coordinator.tick(100));
        assertThat(id).isEqualTo(42);
        ackAll(coordinator, id, 110);

        assertThat(coordinator.completionRecorded(id, 120))
                .containsExactly(new NotifyCompleted(42), new Discard(38), new Discard(40));
        assertThatThrownBy(() -> coordinator.adoptRecovered(List.of(), null)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void when_settings_come_from_a_config_then_durations_become_milliseconds_and_no_timeout_means_never() {
        CheckpointConfig config = new CheckpointConfig()
                .setInterval(Duration.ofSeconds(2))
                .setMinPause(Duration.ofMillis(500))
                .setTimeout(Duration.ofMinutes(1))
                .setMaxConcurrent(3)
                .setRetained(4)
                .setMode(CheckpointingMode.UNALIGNED);

        assertThat(CoordinatorSettings.from(config)).isEqualTo(new CoordinatorSettings(2_000, 500, 60_000, 3, 4,
                CheckpointingMode.UNALIGNED, Long.MAX_VALUE));
        assertThat(CoordinatorSettings.from(config.setAlignmentTimeout(Duration.ofMillis(5))).alignmentTimeoutNanos())
                .isEqualTo(5_000_000);
        assertThat(CoordinatorSettings.from(config).options(CheckpointType.SAVEPOINT).mode())
                .as("savepoints hold no channel state").isEqualTo(CheckpointingMode.ALIGNED);
    }
}
