package io.shepherd.testkit.sim;

import static io.shepherd.testkit.time.SimTime.millis;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SimSchedulerTest {

    @Test
    void when_events_are_due_at_different_times_then_they_run_in_time_order_and_the_clock_follows() {
        SimScheduler sim = new SimScheduler(1);
        List<String> ran = new ArrayList<>();
        sim.schedule(millis(30), "c", () -> ran.add("c@" + sim.nowNs()));
        sim.schedule(millis(10), "a", () -> ran.add("a@" + sim.nowNs()));
        sim.schedule(millis(20), "b", () -> ran.add("b@" + sim.nowNs()));

        sim.runUntilQuiescent();

        assertThat(ran).containsExactly("a@10000000", "b@20000000", "c@30000000");
        assertThat(sim.nowNs()).isEqualTo(millis(30));
        assertThat(sim.clock().nanoTime()).isEqualTo(millis(30));
        assertThat(sim.eventsRun()).isEqualTo(3);
    }

    @Test
    void when_events_tie_then_the_seed_chooses_their_order_and_the_same_seed_chooses_the_same() {
        List<List<Integer>> orders = new ArrayList<>();
        for (long seed = 0; seed < 20; seed++) {
            orders.add(tiedOrder(seed));
        }
        assertThat(tiedOrder(7)).isEqualTo(orders.get(7));
        assertThat(orders.stream().distinct().count()).as("twenty seeds should not all pick one order")
                .isGreaterThan(10);
    }

    private static List<Integer> tiedOrder(long seed) {
        SimScheduler sim = new SimScheduler(seed);
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            int id = i;
            sim.schedule(millis(1), "tied " + id, () -> order.add(id));
        }
        sim.runUntilQuiescent();
        return order;
    }

    @Test
    void when_a_timer_is_cancelled_then_it_never_runs_and_does_not_count_as_pending() {
        SimScheduler sim = new SimScheduler(1);
        List<String> ran = new ArrayList<>();
        Timer doomed = sim.schedule(millis(5), "doomed", () -> ran.add("doomed"));
        sim.schedule(millis(1), "canceller", () -> assertThat(doomed.cancel()).isTrue());
        assertThat(sim.pendingEvents()).isEqualTo(2);

        sim.runUntilQuiescent();

        assertThat(ran).isEmpty();
        assertThat(doomed.isPending()).isFalse();
        assertThat(doomed.cancel()).isFalse();
        assertThat(sim.eventsRun()).isEqualTo(1);
        assertThat(sim.nowNs()).as("a cancelled event does not move the clock").isEqualTo(millis(1));
    }

    @Test
    void when_many_timers_are_rearmed_then_the_queue_stays_small() {
        SimScheduler sim = new SimScheduler(1);
        Timer[] deadline = {sim.schedule(millis(100), "deadline", () -> {})};
        for (int i = 0; i < 10_000; i++) {
            deadline[0].cancel();
            deadline[0] = sim.schedule(millis(100) + i, "deadline", () -> {});
        }
        assertThat(sim.pendingEvents()).isEqualTo(1);
        sim.runUntilQuiescent();
        assertThat(sim.eventsRun()).isEqualTo(1);
    }

    @Test
    void when_running_until_a_time_then_later_events_wait_and_the_clock_stops_there() {
        SimScheduler sim = new SimScheduler(1);
        List<String> ran = new ArrayList<>();
        sim.schedule(millis(10), "early", () -> ran.add("early"));
        sim.schedule(millis(20), "on time", () -> ran.add("on time"));
        sim.schedule(millis(21), "late", () -> ran.add("late"));

        sim.runUntilTime(millis(20));

        assertThat(ran).containsExactly("early", "on time");
        assertThat(sim.nowNs()).isEqualTo(millis(20));
        sim.runFor(millis(5));
        assertThat(ran).containsExactly("early", "on time", "late");
        assertThat(sim.nowNs()).isEqualTo(millis(25));
    }

    @Test
    void when_running_until_a_condition_then_it_stops_as_soon_as_it_holds() {
        SimScheduler sim = new SimScheduler(1);
        int[] ticks = {0};
        Runnable[] tick = new Runnable[1];
        tick[0] = () -> {
            ticks[0]++;
            sim.schedule(millis(1), "tick", tick[0]);
        };
        sim.schedule(0, "tick", tick[0]);

        sim.runUntil("ten ticks", () -> ticks[0] == 10);

        assertThat(ticks[0]).isEqualTo(10);
        assertThat(sim.nowNs()).isEqualTo(millis(9));
    }

    @Test
    void when_the_simulation_goes_quiet_before_the_condition_then_the_failure_names_the_condition() {
        SimScheduler sim = new SimScheduler(42);
        sim.schedule(millis(1), "only event", () -> {});
        assertThatThrownBy(() -> sim.runUntil("a leader is elected", () -> false))
                .isInstanceOf(SimulationFailure.class)
                .hasMessageContaining("quiescent before 'a leader is elected'")
                .hasMessageContaining("seed 42")
                .hasMessageContaining("only event");
    }

    @Test
    void when_an_event_schedules_another_at_the_same_instant_then_it_runs_after_it() {
        SimScheduler sim = new SimScheduler(3);
        List<String> ran = new ArrayList<>();
        sim.schedule(millis(1), "parent", () -> {
            sim.schedule(0, "child", () -> ran.add("child"));
            ran.add("parent");
        });
        sim.runUntilQuiescent();
        assertThat(ran).containsExactly("parent", "child");
    }

    @Test
    void when_scheduling_into_the_past_then_it_is_refused() {
        SimScheduler sim = new SimScheduler(1);
        sim.runUntilTime(millis(5));
        assertThatThrownBy(() -> sim.scheduleAt(millis(4), "late", () -> {}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("past");
        assertThatThrownBy(() -> sim.schedule(-1, "negative", () -> {}))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void when_random_streams_are_asked_for_then_they_depend_on_seed_and_purpose_only() {
        SimScheduler sim = new SimScheduler(9);
        long net = sim.random("net").nextLong();
        assertThat(new SimScheduler(9).random("net").nextLong()).isEqualTo(net);
        assertThat(sim.random("disk").nextLong()).isNotEqualTo(net);
        assertThat(new SimScheduler(10).random("net").nextLong()).isNotEqualTo(net);
    }

    @Test
    void when_the_same_seed_runs_twice_then_the_execution_is_identical_and_another_seed_differs() {
        Run first = randomWorkload(77);
        Run again = randomWorkload(77);
        Run other = randomWorkload(78);

        assertThat(again.fingerprint).isEqualTo(first.fingerprint);
        assertThat(again.trace).isEqualTo(first.trace);
        assertThat(other.fingerprint).isNotEqualTo(first.fingerprint);
    }

    @Test
    void when_an_action_tries_to_drive_the_scheduler_then_the_run_fails_naming_the_event() {
        SimScheduler sim = new SimScheduler(1);
        sim.schedule(millis(1), "reentrant", sim::runUntilQuiescent);
        assertThatThrownBy(sim::runUntilQuiescent)
                .isInstanceOf(SimulationFailure.class)
                .hasMessageContaining("event #1 'reentrant' threw")
                .hasRootCauseMessage("the scheduler was driven from inside an event's action");
        assertThat(sim.toString()).isEqualTo("SimScheduler[seed 1, t=1.000000ms, 1 events run, 0 pending]");
    }

    private record Run(long fingerprint, String trace) {}

    /** Events that spawn events at random delays, many of them at the same instant. */
    private static Run randomWorkload(long seed) {
        SimScheduler sim = new SimScheduler(seed, SimLimits.DEFAULT.withTraceCapacity(10_000));
        SplittableRandom random = sim.random("workload");
        int[] budget = {2_000};
        for (int i = 0; i < 10; i++) {
            spawn(sim, random, budget, "root " + i);
        }
        sim.runUntilQuiescent();
        return new Run(sim.fingerprint(), sim.trace().render());
    }

    private static void spawn(SimScheduler sim, SplittableRandom random, int[] budget, String name) {
        sim.schedule(random.nextInt(3), name, () -> {
            for (int child = 0; child < 2 && budget[0]-- > 0; child++) {
                spawn(sim, random, budget, name + "." + child);
            }
        });
    }
}
