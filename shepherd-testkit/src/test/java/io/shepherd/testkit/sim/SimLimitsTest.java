package io.shepherd.testkit.sim;

import static io.shepherd.testkit.time.SimTime.millis;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SimLimitsTest {

    /** A timer that re-arms itself forever: the shape of a heartbeat, or of a livelock. */
    private static void rearmForever(SimScheduler sim, long periodNs) {
        sim.schedule(periodNs, "heartbeat", () -> rearmForever(sim, periodNs));
    }

    @Test
    void when_a_protocol_never_quiesces_then_the_event_limit_ends_the_run_clearly() {
        SimScheduler sim = new SimScheduler(5, SimLimits.DEFAULT.withMaxEvents(1_000));
        rearmForever(sim, millis(1));

        assertThatThrownBy(sim::runUntilQuiescent)
                .isInstanceOfSatisfying(SimulationLimitExceeded.class, e -> {
                    assertThat(e.limit()).isEqualTo("maxEvents");
                    assertThat(e.seed()).isEqualTo(5);
                    assertThat(e.eventIndex()).isEqualTo(1_000);
                })
                .hasMessageContaining("simulation limit maxEvents (1000) exceeded")
                .hasMessageContaining("livelock")
                .hasMessageContaining("SimLimits.withMaxEvents")
                .hasMessageContaining("heartbeat");
    }

    @Test
    void when_simulated_time_runs_past_the_limit_then_the_run_ends_before_that_event() {
        SimScheduler sim = new SimScheduler(5, SimLimits.DEFAULT.withMaxTimeNs(millis(100)));
        rearmForever(sim, millis(30));

        assertThatThrownBy(sim::runUntilQuiescent)
                .isInstanceOfSatisfying(SimulationLimitExceeded.class,
                        e -> assertThat(e.limit()).isEqualTo("maxTimeNs"))
                .hasMessageContaining("t=120.000000ms");
        assertThat(sim.nowNs()).isEqualTo(millis(90));
    }

    @Test
    void when_events_loop_without_time_moving_then_the_per_instant_limit_catches_it() {
        SimScheduler sim = new SimScheduler(5, SimLimits.DEFAULT.withMaxEventsPerInstant(50));
        rearmForever(sim, 0);

        assertThatThrownBy(sim::runUntilQuiescent)
                .isInstanceOfSatisfying(SimulationLimitExceeded.class,
                        e -> assertThat(e.limit()).isEqualTo("maxEventsPerInstant"));
        assertThat(sim.eventsRun()).isEqualTo(50);
    }

    @Test
    void when_many_events_at_one_instant_are_legitimate_then_time_moving_resets_the_count() {
        SimScheduler sim = new SimScheduler(5, SimLimits.DEFAULT.withMaxEventsPerInstant(10));
        for (int instant = 0; instant < 5; instant++) {
            for (int i = 0; i < 10; i++) {
                sim.schedule(millis(instant), "burst", () -> {});
            }
        }
        sim.runUntilQuiescent();
        assertThat(sim.eventsRun()).isEqualTo(50);
    }

    @Test
    void when_messages_multiply_then_the_pending_limit_stops_the_storm() {
        SimScheduler sim = new SimScheduler(5, SimLimits.DEFAULT.withMaxPendingEvents(100));
        Runnable[] echo = new Runnable[1];
        echo[0] = () -> {
            sim.schedule(millis(1), "echo", echo[0]);
            sim.schedule(millis(1), "echo", echo[0]);
        };
        sim.schedule(0, "echo", echo[0]);

        assertThatThrownBy(sim::runUntilQuiescent)
                .isInstanceOfSatisfying(SimulationLimitExceeded.class,
                        e -> assertThat(e.limit()).isEqualTo("maxPendingEvents"))
                .hasMessageContaining("storm");
    }

    @Test
    void when_limits_are_not_positive_then_they_are_refused() {
        assertThatThrownBy(() -> SimLimits.DEFAULT.withMaxEvents(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SimLimits.DEFAULT.withTraceCapacity(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThat(SimLimits.DEFAULT.withTraceCapacity(0).traceCapacity()).isZero();
    }
}
