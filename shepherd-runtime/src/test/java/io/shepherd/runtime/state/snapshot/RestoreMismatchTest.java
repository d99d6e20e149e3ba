package io.shepherd.runtime.state.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shepherd.api.serialization.ByteOutput;
import io.shepherd.api.serialization.SerializationException;
import io.shepherd.api.state.ListStateDescriptor;
import io.shepherd.api.state.MapStateDescriptor;
import io.shepherd.api.state.ValueState;
import io.shepherd.api.state.ValueStateDescriptor;
import io.shepherd.common.Clock;
import io.shepherd.runtime.partition.KeyGroups;
import io.shepherd.runtime.state.KeyedStateBackend;
import io.shepherd.runtime.state.OperatorStateBackend;
import io.shepherd.runtime.timers.KeyedTimerService;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Restored state that does not fit what the operator asks for, or where it is restored, fails naming both. */
class RestoreMismatchTest {
    private final KeyedStateBackend keyed = new KeyedStateBackend("totals");
    private final OperatorStateBackend operatorState = new OperatorStateBackend("totals");
    private final KeyedTimerService timers = new KeyedTimerService(keyed, Clock.system());

    @Test
    void when_restored_state_is_asked_for_with_another_type_then_the_error_names_operator_state_and_both_types() {
        restoreFresh(withSum(7L));
        assertThatThrownBy(() -> keyed.valueState(new ValueStateDescriptor<>("sum", String.class)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("operator 'totals'")
                .hasMessageContaining("state 'sum'")
                .hasMessageContaining("VALUE state of java.lang.String")
                .hasMessageContaining("VALUE state of java.lang.Long");
    }

    @Test
    void when_restored_state_is_asked_for_as_another_kind_then_the_error_names_both_kinds() {
        restoreFresh(withSum(7L));
        assertThatThrownBy(() -> keyed.listState(new ListStateDescriptor<>("sum", Long.class)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("LIST state of java.lang.Long")
                .hasMessageContaining("VALUE state of java.lang.Long");
    }

    @Test
    void when_restored_map_state_is_asked_for_with_another_key_type_then_it_is_refused() {
        KeyedStateBackend source = new KeyedStateBackend("totals");
        source.setCurrentKey("k");
        source.mapState(new MapStateDescriptor<>("m", String.class, Long.class)).put("a", 1L);
        restoreFresh(OperatorSnapshot.take(source, new OperatorStateBackend("totals"), null));
        assertThatThrownBy(() -> keyed.mapState(new MapStateDescriptor<>("m", Integer.class, Long.class)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("MAP state of java.lang.Integer -> java.lang.Long")
                .hasMessageContaining("MAP state of java.lang.String -> java.lang.Long");
    }

    @Test
    void when_a_refused_state_is_asked_for_again_correctly_then_it_is_still_there() {
        restoreFresh(withSum(7L));
        assertThatThrownBy(() -> keyed.valueState(new ValueStateDescriptor<>("sum", String.class)));
        ValueState<Long> sum = keyed.valueState(new ValueStateDescriptor<>("sum", Long.class));
        keyed.setCurrentKey("k");
        assertThat(sum.value()).isEqualTo(7L);
    }

    @Test
    void when_the_operator_asked_for_its_state_before_the_restore_then_the_entries_land_in_it() {
        ValueState<Long> sum = keyed.valueState(new ValueStateDescriptor<>("sum", Long.class));
        restoreFresh(withSum(7L));
        keyed.setCurrentKey("k");
        assertThat(sum.value()).isEqualTo(7L);
    }

    @Test
    void when_a_restored_operator_list_is_asked_for_with_another_type_then_the_error_names_both() {
        OperatorStateBackend source = new OperatorStateBackend("reader");
        source.listState(new ListStateDescriptor<>("offsets", Long.class)).add(42L);
        OperatorStateBackend target = new OperatorStateBackend("reader");
        OperatorWorld.throughBytes(OperatorSnapshot.take(null, source, null)).restoreInto(null, target, null, 128, 0, 1);
        assertThatThrownBy(() -> target.listState(new ListStateDescriptor<>("offsets", String.class)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("operator 'reader'")
                .hasMessageContaining("state 'offsets'")
                .hasMessageContaining("LIST state of java.lang.String")
                .hasMessageContaining("LIST state of java.lang.Long");
        assertThat(target.listState(new ListStateDescriptor<>("offsets", Long.class)).get()).containsExactly(42L);
    }

    @Test
    void when_keyed_state_is_restored_into_an_operator_without_keys_then_it_says_so() {
        RestoredOperatorState state = OperatorWorld.throughBytes(withSum(7L));
        assertThatThrownBy(() -> state.restoreInto(null, operatorState, null, 128, 0, 1))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("keyed state 'sum'")
                .hasMessageContaining("no keyed state");
    }

    @Test
    void when_keyed_state_without_entries_is_restored_into_an_operator_without_keys_then_only_lists_are_restored() {
        KeyedStateBackend source = new KeyedStateBackend("totals");
        source.valueState(new ValueStateDescriptor<>("sum", Long.class));
        OperatorStateBackend sourceLists = new OperatorStateBackend("totals");
        sourceLists.listState(new ListStateDescriptor<>("offsets", Long.class)).add(3L);
        RestoredOperatorState state = OperatorWorld.throughBytes(OperatorSnapshot.take(source, sourceLists, null));
        state.restoreInto(null, operatorState, null, 128, 0, 1);
        assertThat(operatorState.listState(new ListStateDescriptor<>("offsets", Long.class)).get()).containsExactly(3L);
    }

    @Test
    void when_one_subtask_state_is_restored_at_another_parallelism_then_it_asks_for_a_merge() {
        RestoredOperatorState state = OperatorWorld.throughBytes(withSum(7L));
        int notOwner = 1 - KeyGroups.subtaskOfKey("k", 128, 2);
        assertThatThrownBy(() -> state.restoreInto(keyed, operatorState, timers, 128, notOwner, 2))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("holds key k")
                .hasMessageContaining("merge the snapshots of all old subtasks");
    }

    @Test
    void when_snapshots_of_different_operators_are_merged_then_it_is_refused() {
        RestoredOperatorState totals = OperatorWorld.throughBytes(withSum(7L));
        RestoredOperatorState other = OperatorWorld.throughBytes(
                OperatorSnapshot.take(null, new OperatorStateBackend("reader"), null));
        assertThatThrownBy(() -> RestoredOperatorState.merge(List.of(totals, other)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'totals'")
                .hasMessageContaining("'reader'");
    }

    @Test
    void when_the_same_snapshot_is_merged_twice_then_the_repeated_key_is_named() {
        RestoredOperatorState totals = OperatorWorld.throughBytes(withSum(7L));
        RestoredOperatorState twice = RestoredOperatorState.merge(List.of(totals, totals));
        assertThatThrownBy(() -> twice.restoreInto(keyed, operatorState, timers, 128, 0, 1))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("key k of keyed state 'sum'")
                .hasMessageContaining("stored twice");
    }

    @Test
    void when_a_state_value_cannot_be_written_then_the_error_names_the_state_and_the_class() {
        KeyedStateBackend source = new KeyedStateBackend("totals");
        source.setCurrentKey("k");
        source.valueState(new ValueStateDescriptor<>("thread", Object.class)).update(new Object());
        OperatorSnapshot snapshot = OperatorSnapshot.take(source, new OperatorStateBackend("totals"), null);
        assertThatThrownBy(() -> snapshot.writeTo(new ByteOutput()))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("keyed state 'thread' of operator 'totals'")
                .hasMessageContaining("java.lang.Object");
    }

    @Test
    void when_nothing_is_held_then_the_snapshot_is_empty_and_a_watermark_makes_it_not() {
        assertThat(OperatorSnapshot.take(keyed, operatorState, timers).isEmpty()).isTrue();
        keyed.valueState(new ValueStateDescriptor<>("sum", Long.class));
        assertThat(OperatorSnapshot.take(keyed, operatorState, timers).isEmpty()).isTrue();
        timers.advanceWatermark(5);
        assertThat(OperatorSnapshot.take(keyed, operatorState, timers).isEmpty()).isFalse();
    }

    /** A snapshot of operator 'totals' with VALUE state 'sum' of Long holding {@code value} under key "k". */
    private static OperatorSnapshot withSum(long value) {
        KeyedStateBackend source = new KeyedStateBackend("totals");
        source.setCurrentKey("k");
        source.valueState(new ValueStateDescriptor<>("sum", Long.class)).update(value);
        return OperatorSnapshot.take(source, new OperatorStateBackend("totals"), null);
    }

    private void restoreFresh(OperatorSnapshot snapshot) {
        OperatorWorld.throughBytes(snapshot).restoreInto(keyed, operatorState, timers, 128, 0, 1);
    }
}
