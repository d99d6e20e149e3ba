package io.shepherd.runtime.ack.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.shepherd.runtime.ack.VerdictKind;
import io.shepherd.runtime.ack.sim.AckSimulation.Outcome;
import io.shepherd.testkit.SeededRuns;
import io.shepherd.testkit.sim.InvariantViolation;
import io.shepherd.testkit.sim.SimulationFailure;
import io.shepherd.testkit.time.SimTime;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Ack mode as a whole (DESIGN.md part 3, "Delivery guarantees": at-least-once), simulated: sources, flatMap
 * and fan-in tasks, a sink and ackers exchanging messages under loss, duplication, reordering, partitions,
 * failing records and crashes of any task. Every record must end up completed (replayed as often as it
 * takes) with all its outputs written at least once; no record may be reported complete, or committed past,
 * before its outputs are written; no source may exceed max pending.
 */
class AckSimulationTest {

    @Test
    void when_the_protocol_runs_under_chaos_then_every_output_is_written_and_nothing_completes_early() {
        AtomicLong crashes = new AtomicLong();
        AtomicLong dropped = new AtomicLong();
        AtomicLong duplicated = new AtomicLong();
        AtomicLong timeouts = new AtomicLong();
        AtomicLong failures = new AtomicLong();
        AtomicLong unknown = new AtomicLong();
        AtomicLong replays = new AtomicLong();

        SeededRuns.of("ack mode under chaos", 150, 10_000).forEach(seed -> {
            Outcome outcome = AckSimulation.run(seed, Scenario.chaos(Flaw.NONE));
            crashes.addAndGet(outcome.stats().crashes());
            dropped.addAndGet(outcome.stats().dropped());
            duplicated.addAndGet(outcome.stats().duplicated());
            timeouts.addAndGet(outcome.history().verdicts(VerdictKind.TIMED_OUT));
            failures.addAndGet(outcome.history().verdicts(VerdictKind.FAILED));
            unknown.addAndGet(outcome.history().verdicts(VerdictKind.UNKNOWN));
            replays.addAndGet(outcome.history().replays);
        });

        // A chaos test that never exercised its faults would pass for the wrong reason.
        if (System.getProperty("shepherd.seed") == null) {
            assertThat(crashes.get()).isPositive();
            assertThat(dropped.get()).isPositive();
            assertThat(duplicated.get()).isPositive();
            assertThat(timeouts.get()).as("roots timed out by an acker").isPositive();
            assertThat(failures.get()).as("roots failed by an operator").isPositive();
            assertThat(unknown.get()).as("roots recovered by the source's backstop").isPositive();
            assertThat(replays.get()).isPositive();
        }
    }

    @Test
    void when_trees_are_slower_than_the_timeout_but_keep_progressing_then_none_times_out_or_is_replayed() {
        SeededRuns.of("slow but healthy trees", 20, 500).forEach(seed -> {
            Outcome outcome = AckSimulation.run(seed, Scenario.slowTrees());
            AckHistory history = outcome.history();

            assertThat(history.verdicts(VerdictKind.TIMED_OUT)).as(AckSimulation.summary(history)).isZero();
            // A probe answered just after its root completed may say UNKNOWN; the source ignores it.
            assertThat(history.replays).as(AckSimulation.summary(history)).isZero();
            assertThat(history.duplicatedOutputs()).isZero();
            // The trees outlived the backstop, so the sources asked, and were told they were alive.
            assertThat(history.verdicts(VerdictKind.ALIVE)).isPositive();
        });
    }

    @Test
    void when_the_sink_stalls_then_each_source_stops_at_max_pending_and_resumes_when_it_drains() {
        long stallNs = SimTime.millis(500);
        Scenario scenario = Scenario.stalledSink(stallNs);
        AckSimulation simulation = new AckSimulation(7, scenario);
        simulation.start();

        // Records split into nothing complete without reaching the sink; the others pile up at it.
        simulation.scheduler().runUntilTime(stallNs / 2);
        long[] readHalfway = new long[Workload.SOURCES.length];
        for (int i = 0; i < readHalfway.length; i++) {
            readHalfway[i] = simulation.source(Workload.SOURCES[i]).pending().counters().emitted;
        }
        simulation.scheduler().runUntilTime(stallNs - SimTime.millis(1));
        int maxPending = scenario.ack().maxPending();
        for (int i = 0; i < readHalfway.length; i++) {
            SourceNode source = simulation.source(Workload.SOURCES[i]);
            assertThat(source.pending().pending()).isEqualTo(maxPending);
            assertThat(source.pending().canEmit()).isFalse();
            assertThat(source.pending().counters().emitted).as("records read by source %d", Workload.SOURCES[i])
                    .isEqualTo(readHalfway[i]);
        }
        assertThat(simulation.sink().stalled()).isPositive();

        simulation.scheduler().runUntilQuiescent();
        simulation.checkEverythingCompleted();
        AckHistory history = simulation.history();
        assertThat(history.replays).as("the stall was shorter than the tree timeout").isZero();
        assertThat(history.verdicts(VerdictKind.ALIVE)).as("the backstop asked, and was told to wait").isPositive();
    }

    @Test
    void when_the_acker_applies_a_duplicate_init_then_a_record_completes_before_its_outputs_are_written() {
        assertCaught(Flaw.ACKER_APPLIES_DUPLICATE_INITS, AckSimulation.COMPLETED_ONLY_WHEN_WRITTEN);
    }

    @Test
    void when_the_sink_acks_before_writing_then_a_record_completes_before_its_outputs_are_written() {
        assertCaught(Flaw.SINK_ACKS_BEFORE_WRITING, AckSimulation.COMPLETED_ONLY_WHEN_WRITTEN);
    }

    @Test
    void when_a_seed_is_run_twice_then_the_execution_is_identical() {
        Outcome first = AckSimulation.run(20240611L, Scenario.chaos(Flaw.NONE));
        Outcome again = AckSimulation.run(20240611L, Scenario.chaos(Flaw.NONE));

        assertThat(again.fingerprint()).isEqualTo(first.fingerprint());
    }

    /** Finds a seed on which the flawed glue breaks {@code invariant}, and checks the seed replays the failure. */
    private static void assertCaught(Flaw flaw, String invariant) {
        SeededRuns.Failure found = SeededRuns.of("flawed ack mode: " + flaw, 200, 200)
                .findFailure(seed -> AckSimulation.run(seed, Scenario.chaos(flaw)))
                .orElseThrow(() -> new AssertionError("no seed caught " + flaw + "; the harness cannot fail"));

        assertThat(found.error()).isInstanceOfSatisfying(InvariantViolation.class, violation -> {
            assertThat(violation.invariant()).isEqualTo(invariant);
            assertThat(violation.getMessage()).contains("replay with -Dshepherd.seed=" + found.seed());
        });
        try {
            AckSimulation.run(found.seed(), Scenario.chaos(flaw));
        } catch (SimulationFailure replayed) {
            assertThat(replayed).hasMessage(found.error().getMessage());
            return;
        }
        throw new AssertionError("seed " + found.seed() + " did not fail again on replay");
    }
}
