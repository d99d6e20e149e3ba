package io.shepherd.runtime.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shepherd.api.state.ListState;
import io.shepherd.api.state.ListStateDescriptor;
import io.shepherd.api.state.MapState;
import io.shepherd.api.state.MapStateDescriptor;
import io.shepherd.api.state.ReducingState;
import io.shepherd.api.state.ReducingStateDescriptor;
import io.shepherd.api.state.ValueState;
import io.shepherd.api.state.ValueStateDescriptor;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KeyedStateBackendTest {
    private final KeyedStateBackend backend = new KeyedStateBackend("totals");

    @Test
    void when_value_state_is_written_under_two_keys_then_each_key_reads_its_own() {
        ValueState<Long> state = backend.valueState(new ValueStateDescriptor<>("sum", Long.class));
        backend.setCurrentKey("a");
        assertThat(state.value()).isNull();
        state.update(1L);
        backend.setCurrentKey("b");
        assertThat(state.value()).isNull();
        state.update(2L);
        backend.setCurrentKey("a");
        assertThat(state.value()).isEqualTo(1L);
        state.clear();
        assertThat(state.value()).isNull();
        backend.setCurrentKey("b");
        assertThat(state.value()).isEqualTo(2L);
    }

    @Test
    void when_a_value_is_set_to_null_then_the_entry_is_removed() {
        ValueState<Long> state = backend.valueState(new ValueStateDescriptor<>("sum", Long.class));
        backend.setCurrentKey("a");
        state.update(5L);
        state.update(null);
        assertThat(state.value()).isNull();
        assertThat(backend.tables().get("sum").entries()).isEmpty();
    }

    @Test
    void when_two_handles_name_the_same_state_then_they_share_the_values() {
        ValueStateDescriptor<Long> descriptor = new ValueStateDescriptor<>("sum", Long.class);
        ValueState<Long> first = backend.valueState(descriptor);
        ValueState<Long> second = backend.valueState(new ValueStateDescriptor<>("sum", Long.class));
        backend.setCurrentKey(7);
        first.update(3L);
        assertThat(second.value()).isEqualTo(3L);
    }

    @Test
    void when_list_state_is_used_then_elements_keep_insertion_order_per_key() {
        ListState<String> state = backend.listState(new ListStateDescriptor<>("seen", String.class));
        backend.setCurrentKey(1);
        assertThat(state.get()).isEmpty();
        state.add("x");
        state.add("y");
        backend.setCurrentKey(2);
        state.add("z");
        backend.setCurrentKey(1);
        assertThat(state.get()).containsExactly("x", "y");
        state.update(List.of("q"));
        assertThat(state.get()).containsExactly("q");
        state.update(List.of());
        assertThat(state.get()).isEmpty();
        backend.setCurrentKey(2);
        assertThat(state.get()).containsExactly("z");
    }

    @Test
    void when_a_list_is_read_then_the_view_cannot_change_the_state() {
        ListState<String> state = backend.listState(new ListStateDescriptor<>("seen", String.class));
        backend.setCurrentKey(1);
        state.add("x");
        List<String> copy = new java.util.ArrayList<>(List.of("a", "b"));
        state.update(copy);
        copy.add("c");
        assertThat(state.get()).containsExactly("a", "b");
        assertThatThrownBy(() -> ((List<String>) state.get()).add("d"))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void when_map_state_is_used_then_entries_are_per_key_and_removing_the_last_empties_it() {
        MapState<String, Integer> state = backend.mapState(new MapStateDescriptor<>("m", String.class, Integer.class));
        backend.setCurrentKey("k1");
        assertThat(state.isEmpty()).isTrue();
        assertThat(state.entries()).isEmpty();
        state.put("a", 1);
        state.put("b", 2);
        backend.setCurrentKey("k2");
        assertThat(state.contains("a")).isFalse();
        state.put("a", 10);
        backend.setCurrentKey("k1");
        assertThat(state.get("a")).isEqualTo(1);
        assertThat(state.entries()).extracting(Map.Entry::getKey).containsExactlyInAnyOrder("a", "b");
        state.remove("a");
        state.remove("b");
        state.remove("never-there");
        assertThat(state.isEmpty()).isTrue();
        backend.setCurrentKey("k2");
        assertThat(state.get("a")).isEqualTo(10);
        state.clear();
        assertThat(state.isEmpty()).isTrue();
    }

    @Test
    void when_values_are_added_to_reducing_state_then_they_fold_per_key() throws Exception {
        ReducingState<Long> state =
                backend.reducingState(new ReducingStateDescriptor<>("max", Math::max, Long.class));
        backend.setCurrentKey("a");
        assertThat(state.get()).isNull();
        state.add(3L);
        state.add(9L);
        state.add(4L);
        backend.setCurrentKey("b");
        state.add(1L);
        backend.setCurrentKey("a");
        assertThat(state.get()).isEqualTo(9L);
        state.clear();
        assertThat(state.get()).isNull();
        backend.setCurrentKey("b");
        assertThat(state.get()).isEqualTo(1L);
    }

    @Test
    void when_a_name_is_reused_for_another_kind_or_type_then_the_error_names_both() {
        backend.valueState(new ValueStateDescriptor<>("s", Long.class));
        assertThatThrownBy(() -> backend.listState(new ListStateDescriptor<>("s", Long.class)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'totals'")
                .hasMessageContaining("LIST state 's'")
                .hasMessageContaining("VALUE state 's'");
        assertThatThrownBy(() -> backend.valueState(new ValueStateDescriptor<>("s", String.class)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("java.lang.String");
    }

    @Test
    void when_state_is_used_with_no_current_key_then_it_says_so() {
        ValueState<Long> state = backend.valueState(new ValueStateDescriptor<>("sum", Long.class));
        assertThatThrownBy(state::value)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("'totals'")
                .hasMessageContaining("no current key");
    }
}
