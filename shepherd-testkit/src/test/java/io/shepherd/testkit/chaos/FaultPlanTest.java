package io.shepherd.testkit.chaos;

import static io.shepherd.testkit.time.SimTime.millis;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shepherd.testkit.net.NetworkConditions;
import io.shepherd.testkit.net.SimNetwork;
import io.shepherd.testkit.sim.SimScheduler;
import io.shepherd.testkit.sim.SimulationFailure;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FaultPlanTest {

    private final SimScheduler sim = new SimScheduler(3);
    private final SimNetwork<String> net = new SimNetwork<>(
            sim, NetworkConditions.reliable().withLatency(millis(1), millis(1)));
    private final List<String> received = new ArrayList<>();

    FaultPlanTest() {
        for (int id = 1; id <= 3; id++) {
            net.addNode(id, ctx -> (from, message) -> received.add(message));
        }
    }

    @Test
    void when_a_plan_is_applied_then_nodes_crash_and_restart_at_the_planned_times() {
        FaultPlan.builder().crash(2, millis(10), millis(20)).build().applyTo(net);

        sim.runUntilTime(millis(9));
        assertThat(net.isUp(2)).isTrue();
        sim.runUntilTime(millis(10));
        assertThat(net.isUp(2)).isFalse();
        sim.runUntilTime(millis(20));
        assertThat(net.isUp(2)).isTrue();
        assertThat(net.incarnation(2)).isEqualTo(2);
    }

    @Test
    void when_a_plan_partitions_then_messages_are_cut_only_during_the_window() {
        FaultPlan.builder().partition(Set.of(1), Set.of(2, 3), millis(10), millis(20)).build().applyTo(net);
        sim.scheduleAt(millis(5), "before", () -> net.send(1, 2, "before"));
        sim.scheduleAt(millis(12), "during", () -> net.send(1, 2, "during"));
        sim.scheduleAt(millis(25), "after", () -> net.send(2, 1, "after"));

        sim.runUntilQuiescent();

        assertThat(received).containsExactly("before", "after");
    }

    @Test
    void when_a_plan_degrades_the_network_then_the_loss_ends_with_the_window() {
        FaultPlan.builder().degrade(1.0, 0.0, millis(10), millis(20)).build().applyTo(net);
        sim.scheduleAt(millis(15), "during", () -> net.send(1, 2, "during"));
        sim.scheduleAt(millis(25), "after", () -> net.send(1, 2, "after"));

        sim.runUntilQuiescent();

        assertThat(received).containsExactly("after");
        assertThat(net.stats().dropped()).isEqualTo(1);
    }

    @Test
    void when_the_test_already_crashed_a_node_then_the_plan_neither_crashes_nor_restarts_it() {
        FaultPlan.builder().crash(2, millis(10), millis(20)).build().applyTo(net);
        sim.scheduleAt(millis(5), "test crashes node 2", () -> net.crash(2));

        sim.runUntilQuiescent();

        assertThat(net.isUp(2)).isFalse();
        assertThat(sim.trace().render()).contains("node 2 is already down; crash skipped");
    }

    @Test
    void when_a_simulation_with_a_plan_fails_then_the_report_shows_the_plan() {
        FaultPlan plan = ChaosProfile.of(1, 2, 3).generate(3);
        plan.applyTo(net);
        sim.invariants().add("never fails", () -> sim.nowNs() < plan.faults().get(0).startNs());

        assertThatThrownBy(sim::runUntilQuiescent)
                .isInstanceOf(SimulationFailure.class)
                .hasMessageContaining("fault plan:\n  fault plan from seed 3, ")
                .hasMessageContaining("chaos: ");
    }
}
