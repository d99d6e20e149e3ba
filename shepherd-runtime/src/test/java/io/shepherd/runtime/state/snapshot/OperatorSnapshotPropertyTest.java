package io.shepherd.runtime.state.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import io.shepherd.testkit.SeededRuns;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Seeded property tests of one subtask's snapshot: random state of all four kinds with keys and
 * values of mixed types, timers of both kinds and operator lists; the snapshot is taken, the live
 * state changes further, and only then is the snapshot written. A failure names its seed; replay it
 * with {@code -Dshepherd.seed=N}.
 */
class OperatorSnapshotPropertyTest {
    private static final int MAX_PARALLELISM = 128;

    @Test
    void when_state_changes_after_take_then_the_restored_state_is_the_state_at_take() {
        SeededRuns.of("snapshot restores the state at take", 150, 5_000).forEach(seed -> {
            SplittableRandom random = new SplittableRandom(seed);
            OperatorWorld live = new OperatorWorld(MAX_PARALLELISM, 1);
            live.fill(random, random.nextInt(200));
            live.mutate(random, random.nextInt(50));
            StateContents atTake = live.contents(0);
            OperatorSnapshot snapshot = live.snapshot(0);
            live.mutate(random, 1 + random.nextInt(200));

            OperatorWorld restored = new OperatorWorld(MAX_PARALLELISM, 1);
            restored.restore(OperatorWorld.throughBytes(snapshot));
            restored.claimAll();

            assertThat(restored.contents(0)).isEqualTo(atTake);
        });
    }

    @Test
    void when_the_live_state_changes_after_take_then_the_snapshot_writes_the_same_bytes() {
        SeededRuns.of("snapshot bytes do not follow the live state", 100, 5_000).forEach(seed -> {
            SplittableRandom random = new SplittableRandom(seed);
            OperatorWorld live = new OperatorWorld(MAX_PARALLELISM, 1);
            live.fill(random, random.nextInt(200));
            OperatorSnapshot snapshot = live.snapshot(0);
            byte[] before = OperatorWorld.bytesOf(snapshot);
            live.mutate(random, 1 + random.nextInt(200));
            assertThat(OperatorWorld.bytesOf(snapshot)).isEqualTo(before);
        });
    }

    @Test
    void when_restored_state_is_snapshotted_before_the_operator_asks_for_it_then_it_is_kept() {
        SeededRuns.of("unclaimed state survives the next snapshot", 50, 2_000).forEach(seed -> {
            SplittableRandom random = new SplittableRandom(seed);
            OperatorWorld first = new OperatorWorld(MAX_PARALLELISM, 1);
            first.fill(random, random.nextInt(200));
            StateContents original = first.contents(0);

            OperatorWorld second = new OperatorWorld(MAX_PARALLELISM, 1);
            second.restore(OperatorWorld.throughBytes(first.snapshot(0)));
            OperatorWorld third = new OperatorWorld(MAX_PARALLELISM, 1);
            third.restore(OperatorWorld.throughBytes(second.snapshot(0)));
            third.claimAll();

            assertThat(third.contents(0)).isEqualTo(original);
        });
    }

    @Test
    void when_one_restored_state_is_restored_twice_then_the_second_restore_does_not_see_changes_to_the_first() {
        SeededRuns.of("a restored state can be restored again", 50, 2_000).forEach(seed -> {
            SplittableRandom random = new SplittableRandom(seed);
            OperatorWorld live = new OperatorWorld(MAX_PARALLELISM, 1);
            live.fill(random, random.nextInt(200));
            StateContents original = live.contents(0);
            RestoredOperatorState state = OperatorWorld.throughBytes(live.snapshot(0));

            OperatorWorld firstAttempt = new OperatorWorld(MAX_PARALLELISM, 1);
            firstAttempt.restore(state);
            firstAttempt.claimAll();
            firstAttempt.mutate(random, 1 + random.nextInt(200));
            OperatorWorld secondAttempt = new OperatorWorld(MAX_PARALLELISM, 1);
            secondAttempt.restore(state);
            secondAttempt.claimAll();

            assertThat(secondAttempt.contents(0)).isEqualTo(original);
        });
    }
}
