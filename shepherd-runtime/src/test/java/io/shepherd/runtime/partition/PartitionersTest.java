package io.shepherd.runtime.partition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shepherd.api.functions.KeySelector;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PartitionersTest {

    @Test
    void when_rebalancing_then_receivers_take_turns_starting_at_the_senders_index() {
        RebalancePartitioner partitioner = new RebalancePartitioner(3, 4);
        List<Integer> chosen = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            chosen.add(partitioner.select("r" + i));
        }
        assertThat(chosen).containsExactly(1, 2, 0, 1, 2, 0, 1);
    }

    @Test
    void when_broadcasting_or_forwarding_then_all_or_the_only_receiver_is_chosen() {
        assertThat(new BroadcastPartitioner().select("x")).isEqualTo(Partitioner.ALL);
        assertThat(new ForwardPartitioner().select("x")).isZero();
    }

    @Test
    void when_partitioning_by_key_then_equal_keys_meet_at_their_key_groups_owner() throws Exception {
        KeySelector<String, String> firstLetter = value -> value.substring(0, 1);
        KeyPartitioner partitioner = new KeyPartitioner(firstLetter, "count", 128, 3);
        for (String word : List.of("apple", "avocado", "banana", "blueberry", "cherry", "date")) {
            assertThat(partitioner.select(word))
                    .as(word)
                    .isEqualTo(KeyGroups.subtaskOfKey(word.substring(0, 1), 128, 3));
        }
    }

    @Test
    void when_a_key_selector_returns_null_then_the_error_names_the_keyed_operator_and_the_record() {
        KeySelector<String, String> nullKeys = value -> null;
        KeyPartitioner partitioner = new KeyPartitioner(nullKeys, "per-user totals", 128, 2);
        assertThatThrownBy(() -> partitioner.select("user-17"))
                .isInstanceOf(NullKeyException.class)
                .hasMessageContaining("'per-user totals'")
                .hasMessageContaining("user-17");
    }
}
