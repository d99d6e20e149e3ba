package io.shepherd.runtime.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shepherd.api.checkpoint.RestartStrategy;
import java.time.Duration;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RestartBackoffTest {

    @Test
    void none_gives_up_at_the_first_failure() {
        assertThat(backoff(RestartStrategy.none()).onFailure(0)).isEqualTo(RestartBackoff.GIVE_UP);
    }

    @Test
    void fixed_delay_restarts_a_fixed_number_of_times() {
        RestartBackoff backoff = backoff(RestartStrategy.fixedDelay(2, Duration.ofMillis(30)));
        assertThat(backoff.onFailure(0)).isEqualTo(30);
        assertThat(backoff.onFailure(1_000_000)).isEqualTo(30);
        assertThat(backoff.onFailure(2_000_000)).isEqualTo(RestartBackoff.GIVE_UP);
        assertThat(backoff.restarts()).isEqualTo(2);
    }

    @Test
    void exponential_backoff_grows_to_its_cap_and_resets_after_a_quiet_period() {
        RestartBackoff backoff = backoff(RestartStrategy.exponentialBackoff(Duration.ofMillis(10), Duration.ofMillis(50),
                2.0, 0.0, Duration.ofSeconds(10)));
        assertThat(backoff.onFailure(0)).isEqualTo(10);
        assertThat(backoff.onFailure(100)).isEqualTo(20);
        assertThat(backoff.onFailure(200)).isEqualTo(40);
        assertThat(backoff.onFailure(300)).isEqualTo(50);
        assertThat(backoff.onFailure(400)).isEqualTo(50);
        assertThat(backoff.onFailure(400 + 10_000)).as("after 10 s without failure").isEqualTo(10);
    }

    @Test
    void jitter_varies_each_delay_within_its_bounds() {
        RestartBackoff backoff = backoff(RestartStrategy.exponentialBackoff(Duration.ofMillis(1000),
                Duration.ofMillis(1000), 1.0, 0.25, Duration.ofHours(1)));
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        for (int i = 0; i < 1000; i++) {
            long delay = backoff.onFailure(i);
            min = Math.min(min, delay);
            max = Math.max(max, delay);
        }
        assertThat(min).isBetween(750L, 800L);
        assertThat(max).isBetween(1200L, 1250L);
    }

    @Test
    void failure_rate_gives_up_when_too_many_failures_fall_in_the_interval() {
        RestartBackoff backoff = backoff(RestartStrategy.failureRate(2, Duration.ofSeconds(1), Duration.ofMillis(5)));
        assertThat(backoff.onFailure(0)).isEqualTo(5);
        assertThat(backoff.onFailure(500)).isEqualTo(5);
        assertThat(backoff.onFailure(1_200)).as("the first failure left the interval").isEqualTo(5);
        assertThat(backoff.onFailure(1_300)).as("three failures within one second").isEqualTo(RestartBackoff.GIVE_UP);
    }

    @Test
    void bad_strategies_are_rejected_with_the_reason() {
        assertThatThrownBy(() -> RestartStrategy.fixedDelay(-1, Duration.ZERO)).hasMessageContaining("attempts");
        assertThatThrownBy(() -> RestartStrategy.exponentialBackoff(Duration.ofSeconds(2), Duration.ofSeconds(1), 2, 0,
                Duration.ZERO)).hasMessageContaining("below the initial");
        assertThatThrownBy(() -> RestartStrategy.exponentialBackoff(Duration.ZERO, Duration.ZERO, 0.5, 0,
                Duration.ZERO)).hasMessageContaining("multiplier");
        assertThatThrownBy(() -> RestartStrategy.failureRate(0, Duration.ofSeconds(1), Duration.ZERO))
                .hasMessageContaining("max failures");
    }

    private static RestartBackoff backoff(RestartStrategy strategy) {
        return new RestartBackoff(strategy, new SplittableRandom(7));
    }
}
