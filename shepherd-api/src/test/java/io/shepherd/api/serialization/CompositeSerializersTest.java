package io.shepherd.api.serialization;

import static io.shepherd.api.serialization.RoundTrip.bytesOf;
import static io.shepherd.api.serialization.RoundTrip.roundTrip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class CompositeSerializersTest {

    enum Color { RED, GREEN, BLUE }

    @Test
    void when_nullable_wraps_a_serializer_then_null_and_values_round_trip_behind_a_presence_byte() {
        Serializer<Long> nullableLongs = Serializers.nullable(Serializers.longs());
        assertThat(roundTrip(nullableLongs, null)).isNull();
        assertThat(roundTrip(nullableLongs, 42L)).isEqualTo(42L);
        assertThat(bytesOf(nullableLongs, null)).containsExactly(0);
        assertThat(bytesOf(nullableLongs, 1L)).hasSize(9).startsWith(1);
    }

    @Test
    void when_nullable_is_applied_twice_then_there_is_still_one_presence_byte() {
        Serializer<String> once = Serializers.nullable(Serializers.strings());
        assertThat(Serializers.nullable(once)).isSameAs(once);
    }

    @Test
    void when_a_presence_byte_is_neither_0_nor_1_then_it_is_corrupt() {
        assertThatThrownBy(() -> Serializers.nullable(Serializers.longs()).read(new ByteInput(new byte[] {5})))
                .isInstanceOf(SerializationException.class)
                .hasMessage("corrupt input at position 0: the presence byte before a long must be 0 or 1, found 5");
    }

    @Test
    void when_lists_are_written_then_elements_and_order_round_trip() {
        Serializer<List<String>> lists = Serializers.listOf(Serializers.strings());
        assertThat(roundTrip(lists, List.of())).isEmpty();
        assertThat(roundTrip(lists, List.of("b", "a", "b"))).containsExactly("b", "a", "b");
        List<String> withNull = new ArrayList<>(Arrays.asList("x", null));
        assertThat(roundTrip(Serializers.listOf(Serializers.nullable(Serializers.strings())), withNull))
                .containsExactly("x", null);
    }

    @Test
    void when_sets_and_maps_are_written_then_iteration_order_survives() {
        Set<Integer> set = new LinkedHashSet<>(List.of(3, 1, 2));
        assertThat(roundTrip(Serializers.setOf(Serializers.ints()), set)).containsExactly(3, 1, 2);
        Map<String, Long> sorted = new TreeMap<>(Map.of("b", 2L, "a", 1L, "c", 3L));
        Map<String, Long> read = roundTrip(Serializers.mapOf(Serializers.strings(), Serializers.longs()), sorted);
        assertThat(read).isInstanceOf(LinkedHashMap.class).containsExactly(
                Map.entry("a", 1L), Map.entry("b", 2L), Map.entry("c", 3L));
    }

    @Test
    void when_collections_nest_then_they_round_trip() {
        Serializer<Map<String, List<Set<Long>>>> nested = Serializers.mapOf(Serializers.strings(),
                Serializers.listOf(Serializers.setOf(Serializers.longs())));
        Map<String, List<Set<Long>>> value = Map.of("k", List.of(Set.of(), Set.of(1L), Set.of(Long.MIN_VALUE)));
        assertThat(roundTrip(nested, value)).isEqualTo(value);
    }

    @Test
    void when_a_set_repeats_an_element_on_the_wire_then_it_is_corrupt() {
        ByteOutput out = new ByteOutput();
        out.writeVarInt(2);
        out.writeInt(7);
        out.writeInt(7);
        assertThatThrownBy(() -> Serializers.setOf(Serializers.ints()).read(new ByteInput(out.toByteArray())))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("element 1")
                .hasMessageContaining("repeats");
    }

    @Test
    void when_a_map_repeats_a_key_on_the_wire_then_it_is_corrupt() {
        ByteOutput out = new ByteOutput();
        out.writeVarInt(2);
        out.writeString("k");
        out.writeInt(1);
        out.writeString("k");
        out.writeInt(2);
        Serializer<Map<String, Integer>> maps = Serializers.mapOf(Serializers.strings(), Serializers.ints());
        assertThatThrownBy(() -> maps.read(new ByteInput(out.toByteArray()))).hasMessageContaining("repeats an earlier key");
    }

    @Test
    void when_a_collection_copy_is_made_then_mutable_elements_are_copied_too() {
        Serializer<List<int[]>> lists = Serializers.listOf(Serializers.intArrays());
        List<int[]> original = List.of(new int[] {1});
        List<int[]> copy = lists.copy(original);
        original.get(0)[0] = 99;
        assertThat(copy.get(0)).containsExactly(1);
    }

    @Test
    void when_enums_are_written_then_each_constant_is_one_byte_and_round_trips() {
        Serializer<Color> colors = Serializers.enums(Color.class);
        for (Color color : Color.values()) {
            assertThat(roundTrip(colors, color)).isSameAs(color);
        }
        assertThat(bytesOf(colors, Color.BLUE)).containsExactly(2);
    }

    @Test
    void when_an_enum_ordinal_is_out_of_range_then_the_error_names_the_enum() {
        assertThatThrownBy(() -> Serializers.enums(Color.class).read(new ByteInput(new byte[] {3})))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("position 0: ordinal 3 is not a constant of " + Color.class.getName() + ", which has 3");
    }

    @Test
    void when_object_arrays_are_resolved_then_elements_may_be_null() {
        String[] value = {"a", null, "c"};
        String[] read = roundTrip(Serializers.of(String[].class), value);
        assertThat(read).isInstanceOf(String[].class).containsExactly("a", null, "c");
        Color[][] grid = {{Color.RED}, {}, null};
        assertThat(roundTrip(Serializers.of(Color[][].class), grid)).isDeepEqualTo(grid);
    }

    @Test
    void when_an_array_length_exceeds_what_remains_then_reading_fails_without_a_huge_allocation() {
        ByteOutput out = new ByteOutput();
        out.writeVarInt(Integer.MAX_VALUE - 16);
        assertThatThrownBy(() -> Serializers.of(String[].class).read(new ByteInput(out.toByteArray())))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("truncated input");
    }
}
