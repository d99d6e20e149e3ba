package io.shepherd.testkit.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shepherd.common.Clock;
import org.junit.jupiter.api.Test;

class SimClockTest {

    @Test
    void when_created_then_it_reads_zero_and_the_fixed_epoch() {
        Clock clock = new SimClock();
        assertThat(clock.nanoTime()).isZero();
        assertThat(clock.currentTimeMillis()).isEqualTo(SimClock.DEFAULT_EPOCH_MILLIS);
    }

    @Test
    void when_nobody_advances_it_then_time_stands_still() {
        SimClock clock = new SimClock();
        clock.advanceTo(SimTime.millis(5));
        long first = clock.nanoTime();
        long second = clock.nanoTime();
        assertThat(first).isEqualTo(second).isEqualTo(5_000_000L);
    }

    @Test
    void when_advanced_then_both_readings_move_together() {
        SimClock clock = new SimClock(1_000L);
        clock.advanceBy(SimTime.millis(1_500));
        clock.advanceBy(SimTime.micros(999));
        assertThat(clock.nanoTime()).isEqualTo(1_500_999_000L);
        assertThat(clock.currentTimeMillis()).isEqualTo(1_000L + 1_500L);
    }

    @Test
    void when_asked_to_go_backwards_then_it_refuses_and_keeps_its_time() {
        SimClock clock = new SimClock();
        clock.advanceTo(100);
        assertThatThrownBy(() -> clock.advanceTo(99))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("backwards");
        assertThatThrownBy(() -> clock.advanceBy(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThat(clock.nanoTime()).isEqualTo(100);
    }

    @Test
    void when_formatted_then_every_nanosecond_shows() {
        assertThat(SimTime.format(0)).isEqualTo("t=0.000000ms");
        assertThat(SimTime.format(SimTime.seconds(2) + 1)).isEqualTo("t=2000.000001ms");
        assertThat(SimTime.formatDuration(-1_500_000)).isEqualTo("-1.500000ms");
        assertThat(SimTime.format(Long.MAX_VALUE)).isEqualTo("t=never");
    }
}
