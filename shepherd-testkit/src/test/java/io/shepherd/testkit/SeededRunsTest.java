package io.shepherd.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SeededRunsTest {

    @Test
    void when_run_twice_then_the_same_seeds_come_in_the_same_order() {
        List<Long> first = new ArrayList<>();
        List<Long> second = new ArrayList<>();
        SeededRuns.of("order", 20, 100).forEach(first::add);
        SeededRuns.of("order", 20, 100).forEach(second::add);
        assertThat(first).hasSize(20).doesNotHaveDuplicates().isEqualTo(second);
    }

    @Test
    void when_a_seed_fails_then_the_error_names_it_and_how_to_replay_it() {
        List<Long> seen = new ArrayList<>();
        assertThatThrownBy(() -> SeededRuns.of("failing", 10, 10).forEach(seed -> {
                    seen.add(seed);
                    if (seen.size() == 3) {
                        throw new IllegalStateException("boom");
                    }
                }))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("seed " + seen.get(2))
                .hasMessageContaining("-Dshepherd.seed=" + seen.get(2))
                .hasMessageContaining("boom");
    }

    @Test
    void when_searching_for_a_failure_then_the_first_failing_seed_is_returned_not_thrown() {
        List<Long> seen = new ArrayList<>();
        SeededRuns runs = SeededRuns.of("search", 10, 10);

        var failure = runs.findFailure(seed -> {
            seen.add(seed);
            if (seen.size() == 4) {
                throw new IllegalStateException("caught it");
            }
        });

        assertThat(failure).hasValueSatisfying(found -> {
            assertThat(found.seed()).isEqualTo(seen.get(3));
            assertThat(found.error()).hasMessage("caught it");
        });
        assertThat(runs.findFailure(seed -> {})).isEmpty();
    }
}
