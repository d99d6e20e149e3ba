package io.shepherd.testkit.example;

import static org.assertj.core.api.Assertions.assertThat;

import io.shepherd.testkit.SeededRuns;
import io.shepherd.testkit.sim.InvariantViolation;
import io.shepherd.testkit.sim.SimulationFailure;
import io.shepherd.testkit.example.ElectionSimulation.Outcome;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * The worked example of the simulation kit: an epoch election in the style of the quorum journal's
 * {@code newEpoch} (DESIGN.md, part 8) simulated under loss, duplication, reordering, partitions and
 * crashes. The correct protocol must survive every seed; each deliberately broken variant must be
 * caught, by the invariant that names its bug, and the failing seed must replay to the same failure.
 */
class EpochElectionSimulationTest {

    @Test
    void when_the_protocol_is_correct_then_every_seed_keeps_the_invariants_and_every_writer_is_elected() {
        AtomicLong elections = new AtomicLong();
        AtomicLong crashes = new AtomicLong();
        AtomicLong dropped = new AtomicLong();
        AtomicLong duplicated = new AtomicLong();
        AtomicLong blocked = new AtomicLong();
        AtomicLong lostToCrash = new AtomicLong();

        SeededRuns.of("epoch election under chaos", 300, 20_000).forEach(seed -> {
            Outcome outcome = ElectionSimulation.run(seed, Flaw.NONE);
            elections.addAndGet(outcome.elections());
            crashes.addAndGet(outcome.stats().crashes());
            dropped.addAndGet(outcome.stats().dropped());
            duplicated.addAndGet(outcome.stats().duplicated());
            blocked.addAndGet(outcome.stats().blocked());
            lostToCrash.addAndGet(outcome.stats().lostToCrash());
        });

        // A chaos test that never exercised its faults would pass for the wrong reason.
        assertThat(elections.get()).isPositive();
        if (System.getProperty("shepherd.seed") == null) {
            assertThat(crashes.get()).isPositive();
            assertThat(dropped.get()).isPositive();
            assertThat(duplicated.get()).isPositive();
            assertThat(blocked.get()).isPositive();
            assertThat(lostToCrash.get()).isPositive();
        }
    }

    @Test
    void when_a_journal_node_grants_an_equal_epoch_then_two_writers_win_one_epoch() {
        assertCaught(Flaw.GRANTS_EQUAL_EPOCH, ElectionSimulation.ONE_WRITER_PER_EPOCH);
    }

    @Test
    void when_a_writer_counts_duplicate_grants_then_a_writer_wins_without_a_majority() {
        assertCaught(Flaw.COUNTS_DUPLICATE_GRANTS, ElectionSimulation.MAJORITY_GRANTED);
    }

    @Test
    void when_a_journal_node_forgets_its_promise_on_restart_then_its_promise_goes_backwards() {
        assertCaught(Flaw.FORGETS_PROMISE_ON_RESTART, ElectionSimulation.PROMISE_NEVER_REGRESSES);
    }

    @Test
    void when_a_seed_is_run_twice_then_the_execution_is_identical_event_for_event() {
        long seed = 20240611L;
        Outcome first = new ElectionSimulation(seed, Flaw.NONE, 1_000_000).run();
        Outcome again = new ElectionSimulation(seed, Flaw.NONE, 1_000_000).run();
        Outcome other = new ElectionSimulation(seed + 1, Flaw.NONE, 1_000_000).run();

        assertThat(again.fingerprint()).isEqualTo(first.fingerprint());
        assertThat(again.trace()).isEqualTo(first.trace());
        assertThat(other.fingerprint()).isNotEqualTo(first.fingerprint());
    }

    /**
     * Searches the seed sample for a run of the flawed protocol that fails, checks that the failure
     * is the expected invariant with a readable report, and replays the seed to the same failure.
     */
    private static void assertCaught(Flaw flaw, String invariant) {
        SeededRuns.Failure found = SeededRuns.of("flawed election: " + flaw, 300, 300)
                .findFailure(seed -> ElectionSimulation.run(seed, flaw))
                .orElseThrow(() -> new AssertionError("no seed caught " + flaw + "; the harness cannot fail"));

        assertThat(found.error()).isInstanceOfSatisfying(InvariantViolation.class, violation -> {
            assertThat(violation.invariant()).isEqualTo(invariant);
            assertThat(violation.seed()).isEqualTo(found.seed());
            assertThat(violation.getMessage())
                    .startsWith("invariant violated: \"" + invariant + "\"")
                    .contains("replay with -Dshepherd.seed=" + found.seed())
                    .contains("at simulated t=")
                    .contains("fault plan from seed " + found.seed())
                    .contains("trace entries, oldest first:")
                    .contains("deliver ");
        });

        Throwable replayed = catchFailure(() -> ElectionSimulation.run(found.seed(), flaw));
        assertThat(replayed).isInstanceOf(SimulationFailure.class).hasMessage(found.error().getMessage());
    }

    private static Throwable catchFailure(Runnable run) {
        try {
            run.run();
        } catch (SimulationFailure failure) {
            return failure;
        }
        throw new AssertionError("the replayed seed did not fail");
    }
}
