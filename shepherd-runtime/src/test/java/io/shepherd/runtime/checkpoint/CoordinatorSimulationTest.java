package io.shepherd.runtime.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;

import io.shepherd.runtime.checkpoint.CoordinatorSimulation.Outcome;
import io.shepherd.testkit.SeededRuns;
import io.shepherd.testkit.sim.InvariantViolation;
import io.shepherd.testkit.sim.SimulationFailure;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Deterministic simulation of the checkpoint coordinator (DESIGN.md part 2; docs/testing.md): seeded
 * interleavings of triggers, acknowledgements in any order, duplicated, lost and late, declines, timeouts,
 * slow and failing completion records, task failures and savepoints. The correct coordinator keeps every
 * invariant of {@link CoordinatorHistory} on every seed; each deliberately broken one is caught by the
 * invariant that names its bug, and its seed replays the same failure.
 */
class CoordinatorSimulationTest {

    @Test
    void when_the_coordinator_is_correct_then_every_seed_keeps_the_invariants_and_checkpoints_complete_again() {
        List<Outcome> outcomes = new ArrayList<>();
        SeededRuns.of("checkpoint coordinator under chaos", 200, 5_000)
                .forEach(seed -> outcomes.add(CoordinatorSimulation.run(seed, Flaw.NONE)));

        assertThat(outcomes.stream().mapToLong(Outcome::completed).sum()).isPositive();
        if (System.getProperty("shepherd.seed") == null) {
            // A chaos test that never exercised its faults would pass for the wrong reason.
            assertThat(outcomes.stream().mapToLong(Outcome::timeouts).sum()).as("timeouts").isPositive();
            assertThat(outcomes.stream().mapToLong(Outcome::declines).sum()).as("declines").isPositive();
            assertThat(outcomes.stream().mapToLong(Outcome::recordFailures).sum()).as("record failures").isPositive();
            assertThat(outcomes.stream().mapToLong(Outcome::suspends).sum()).as("suspends").isPositive();
            assertThat(outcomes.stream().mapToLong(Outcome::subsumed).sum()).as("subsumed").isPositive();
            assertThat(outcomes.stream().mapToLong(Outcome::savepoints).sum()).as("savepoints").isPositive();
        }
    }

    @Test
    void when_completion_is_announced_before_the_record_is_durable_then_the_simulation_catches_it() {
        assertCaught(Flaw.COMPLETES_BEFORE_DURABLE, CoordinatorHistory.DURABLE_BEFORE_COMPLETE);
    }

    @Test
    void when_duplicate_acknowledgements_are_counted_then_the_simulation_catches_it() {
        assertCaught(Flaw.COUNTS_DUPLICATE_ACKS, CoordinatorHistory.EVERY_TASK_ACKNOWLEDGED);
    }

    @Test
    void when_aborted_checkpoints_are_not_discarded_then_the_simulation_catches_it() {
        assertCaught(Flaw.KEEPS_ABORTED_FILES, CoordinatorHistory.ABORTED_ONCE);
    }

    @Test
    void when_a_seed_is_run_twice_then_the_execution_is_identical() {
        Outcome first = CoordinatorSimulation.run(42L, Flaw.NONE);
        Outcome again = CoordinatorSimulation.run(42L, Flaw.NONE);
        Outcome other = CoordinatorSimulation.run(43L, Flaw.NONE);

        assertThat(again).isEqualTo(first);
        assertThat(other.fingerprint()).isNotEqualTo(first.fingerprint());
    }

    private static void assertCaught(Flaw flaw, String invariant) {
        SeededRuns.Failure found = SeededRuns.of("flawed coordinator: " + flaw, 50, 50)
                .findFailure(seed -> CoordinatorSimulation.run(seed, flaw))
                .orElseThrow(() -> new AssertionError("no seed caught " + flaw + "; the harness cannot fail"));

        assertThat(found.error()).isInstanceOfSatisfying(InvariantViolation.class, violation -> {
            assertThat(violation.invariant()).isEqualTo(invariant);
            assertThat(violation.getMessage())
                    .contains("replay with -Dshepherd.seed=" + found.seed())
                    .contains("settings and job");
        });
        Throwable replayed = catchFailure(() -> CoordinatorSimulation.run(found.seed(), flaw));
        assertThat(replayed).hasMessage(found.error().getMessage());
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
