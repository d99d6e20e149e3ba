package io.shepherd.testkit.sim;

import static io.shepherd.testkit.time.SimTime.millis;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class InvariantsTest {

    @Test
    void when_an_event_breaks_an_invariant_then_the_run_stops_at_that_event_with_a_full_report() {
        SimScheduler sim = new SimScheduler(1234, SimLimits.DEFAULT.withTraceCapacity(3));
        int[] leaders = {0};
        sim.invariants().addDescribed("at most one leader per epoch",
                () -> leaders[0] <= 1 ? null : leaders[0] + " leaders in epoch 1");
        sim.describeOnFailure("fault plan", () -> "crash node 2 at t=3ms");
        for (int i = 1; i <= 5; i++) {
            int id = i;
            sim.schedule(millis(i), "node " + id + " becomes leader", () -> {
                sim.note("node " + id + " wins");
                leaders[0]++;
            });
        }

        assertThatThrownBy(sim::runUntilQuiescent)
                .isInstanceOfSatisfying(InvariantViolation.class, v -> {
                    assertThat(v.invariant()).isEqualTo("at most one leader per epoch");
                    assertThat(v.detail()).isEqualTo("2 leaders in epoch 1");
                    assertThat(v.seed()).isEqualTo(1234);
                    assertThat(v.timeNs()).isEqualTo(millis(2));
                    assertThat(v.eventIndex()).isEqualTo(2);
                })
                .hasMessageStartingWith("invariant violated: \"at most one leader per epoch\"")
                .hasMessageContaining("2 leaders in epoch 1")
                .hasMessageContaining("seed 1234 (replay with -Dshepherd.seed=1234)")
                .hasMessageContaining("at simulated t=2.000000ms, event #2")
                .hasMessageContaining("fault plan:\n  crash node 2 at t=3ms")
                .hasMessageContaining("last 3 of 4 trace entries")
                .hasMessageContaining("#2 t=2.000000ms  node 2 becomes leader")
                .hasMessageContaining(".  t=2.000000ms  node 2 wins")
                .hasMessageNotContaining("node 3");
    }

    @Test
    void when_checking_every_n_events_then_checks_are_spaced_and_a_late_violation_is_still_found() {
        SimScheduler sim = new SimScheduler(1);
        int[] value = {0};
        sim.invariants().add("value stays below 7", () -> value[0] < 7).checkEvery(5);
        for (int i = 0; i < 20; i++) {
            sim.schedule(millis(i), "increment", () -> value[0]++);
        }

        assertThatThrownBy(sim::runUntilQuiescent)
                .isInstanceOfSatisfying(InvariantViolation.class, v -> {
                    assertThat(v.eventIndex()).isEqualTo(10);
                    assertThat(v.detail()).isEqualTo("does not hold");
                });
        assertThat(sim.invariants().checks()).isEqualTo(2);
    }

    @Test
    void when_checks_are_manual_then_only_check_now_checks() {
        SimScheduler sim = new SimScheduler(1);
        List<String> checked = new ArrayList<>();
        sim.invariants().add("recorded", () -> checked.add("check")).checkEvery(0);
        for (int i = 0; i < 5; i++) {
            sim.schedule(millis(i), "event", () -> {});
        }
        sim.runUntilQuiescent();
        assertThat(checked).isEmpty();
        sim.invariants().checkNow();
        assertThat(checked).hasSize(1);
    }

    @Test
    void when_invariants_are_registered_then_they_are_checked_in_order_and_names_are_unique() {
        SimScheduler sim = new SimScheduler(1);
        sim.invariants().add("first", () -> false).add("second", () -> false);
        assertThat(sim.invariants().names()).containsExactly("first", "second");
        assertThatThrownBy(() -> sim.invariants().checkNow())
                .isInstanceOfSatisfying(InvariantViolation.class, v -> assertThat(v.invariant()).isEqualTo("first"));
        assertThatThrownBy(() -> sim.invariants().add("first", () -> true))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void when_an_invariant_or_an_event_throws_then_the_failure_says_which_and_keeps_the_cause() {
        SimScheduler sim = new SimScheduler(8);
        sim.invariants().add("reads state", () -> {
            throw new IllegalStateException("state not ready");
        });
        sim.schedule(millis(1), "tick", () -> {});
        assertThatThrownBy(sim::runUntilQuiescent)
                .isInstanceOf(SimulationFailure.class)
                .hasMessageContaining("invariant 'reads state' threw while being checked")
                .hasRootCauseMessage("state not ready");

        SimScheduler other = new SimScheduler(8);
        other.schedule(millis(1), "deliver 1->2 Vote", () -> {
            throw new IllegalArgumentException("unknown term");
        });
        assertThatThrownBy(other::runUntilQuiescent)
                .isInstanceOf(SimulationFailure.class)
                .hasMessageContaining("event #1 'deliver 1->2 Vote' threw")
                .hasMessageContaining("seed 8")
                .hasCauseInstanceOf(IllegalArgumentException.class);
    }
}
