package io.shepherd.runtime.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shepherd.api.state.ListState;
import io.shepherd.api.state.ListStateDescriptor;
import java.util.List;
import org.junit.jupiter.api.Test;

class OperatorStateBackendTest {
    private final OperatorStateBackend backend = new OperatorStateBackend("reader");

    @Test
    void when_a_list_is_read_then_it_is_a_snapshot_that_later_writes_do_not_change() {
        ListState<Long> position = backend.listState(new ListStateDescriptor<>("position", Long.class));
        position.add(1L);
        Iterable<Long> before = position.get();
        position.update(List.of(5L, 6L));
        assertThat(before).containsExactly(1L);
        assertThat(position.get()).containsExactly(5L, 6L);
        assertThat(backend.listState(new ListStateDescriptor<>("position", Long.class)).get()).containsExactly(5L, 6L);
        position.clear();
        assertThat(position.get()).isEmpty();
    }

    @Test
    void when_a_name_is_reused_with_another_type_then_it_is_refused() {
        backend.listState(new ListStateDescriptor<>("position", Long.class));
        assertThatThrownBy(() -> backend.listState(new ListStateDescriptor<>("position", String.class)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'reader'");
    }
}
