package io.shepherd.testkit.chaos;

import static io.shepherd.testkit.time.SimTime.millis;
import static io.shepherd.testkit.time.SimTime.seconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ChaosProfileTest {

    private static ChaosProfile busy() {
        return ChaosProfile.of(1, 2, 3, 4, 5)
                .horizonNs(seconds(2))
                .crashes(8)
                .maxDown(2)
                .partitions(3)
                .degradations(3);
    }

    @Test
    void when_generated_twice_from_one_seed_then_the_plans_are_identical_and_another_seed_differs() {
        assertThat(busy().generate(42).toString()).isEqualTo(busy().generate(42).toString());
        assertThat(busy().generate(42).faults()).isEqualTo(busy().generate(42).faults());
        assertThat(busy().generate(43).toString()).isNotEqualTo(busy().generate(42).toString());
    }

    @Test
    void when_generated_then_every_fault_starts_and_ends_within_the_horizon() {
        for (long seed = 0; seed < 200; seed++) {
            FaultPlan plan = busy().generate(seed);
            assertThat(plan.faults()).allSatisfy(fault -> {
                assertThat(fault.startNs()).isBetween(0L, seconds(2));
                assertThat(fault.endNs()).isBetween(fault.startNs() + 1, seconds(2));
            });
            assertThat(plan.healedByNs()).isLessThanOrEqualTo(seconds(2));
        }
    }

    @Test
    void when_crashes_are_generated_then_no_node_crashes_twice_at_once_and_at_most_max_down_are_down() {
        for (long seed = 0; seed < 200; seed++) {
            List<CrashFault> crashes = crashes(busy().generate(seed));
            for (CrashFault crash : crashes) {
                int down = 0;
                for (CrashFault other : crashes) {
                    boolean downAtStart = other.startNs() <= crash.startNs() && crash.startNs() < other.endNs();
                    if (downAtStart) {
                        down++;
                        if (other != crash) {
                            assertThat(other.node()).as("seed %d", seed).isNotEqualTo(crash.node());
                        }
                    }
                }
                assertThat(down).as("nodes down at once, seed %d", seed).isLessThanOrEqualTo(2);
            }
        }
    }

    @Test
    void when_only_some_nodes_are_crashable_then_only_they_crash() {
        for (long seed = 0; seed < 50; seed++) {
            FaultPlan plan = busy().crashable(4, 5).generate(seed);
            assertThat(crashes(plan)).extracting(CrashFault::node).allMatch(node -> node == 4 || node == 5);
        }
        assertThatThrownBy(() -> busy().crashable(9)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("node 9");
    }

    @Test
    void when_partitions_are_generated_then_both_sides_are_non_empty_and_cover_the_nodes() {
        for (long seed = 0; seed < 100; seed++) {
            for (Fault fault : busy().generate(seed).faults()) {
                if (fault instanceof PartitionFault partition) {
                    assertThat(partition.side()).isNotEmpty().doesNotContainAnyElementsOf(partition.other());
                    assertThat(partition.other()).isNotEmpty();
                    assertThat(partition.side().size() + partition.other().size()).isEqualTo(5);
                }
            }
        }
    }

    @Test
    void when_a_plan_is_printed_then_it_reads_as_one_fault_per_line_in_time_order() {
        FaultPlan plan = FaultPlan.builder()
                .partition(Set.of(1, 2), Set.of(3), millis(200), millis(900))
                .crash(2, millis(120), millis(340))
                .partitionOneWay(Set.of(3), Set.of(1), millis(300), millis(400))
                .degrade(0.125, 0.03, millis(500), millis(800))
                .crashForever(3, millis(950))
                .build();

        assertThat(plan.toString()).isEqualTo("""
                fault plan from scripted, 5 faults, all healed by t=never:
                  t=120.000000ms .. t=340.000000ms  crash node 2
                  t=200.000000ms .. t=900.000000ms  partition [1, 2] | [3]
                  t=300.000000ms .. t=400.000000ms  one-way partition [3] -> [1]
                  t=500.000000ms .. t=800.000000ms  drop 12.5%, duplicate 3.0% of messages
                  t=950.000000ms .. t=never  crash node 3, never restarted""");
        assertThat(busy().generate(7).toString()).startsWith("fault plan from seed 7, ");
        assertThat(FaultPlan.none().toString()).isEqualTo("fault plan from no faults, 0 faults");
    }

    @Test
    void when_a_scripted_plan_crashes_a_node_twice_at_once_then_it_is_refused() {
        assertThatThrownBy(() -> FaultPlan.builder().crash(1, millis(10), millis(50)).crash(1, millis(40), millis(60)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("crashes of node 1 overlap");
    }

    @Test
    void when_nothing_is_asked_for_then_nothing_is_generated() {
        FaultPlan plan = ChaosProfile.of(1, 2, 3).crashes(0).partitions(0).degradations(0).generate(1);
        assertThat(plan.faults()).isEmpty();
        assertThat(plan.healedByNs()).isZero();
    }

    private static List<CrashFault> crashes(FaultPlan plan) {
        List<CrashFault> crashes = new ArrayList<>();
        for (Fault fault : plan.faults()) {
            if (fault instanceof CrashFault crash) {
                crashes.add(crash);
            }
        }
        return crashes;
    }
}
