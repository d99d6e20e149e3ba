package io.shepherd.runtime.state.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.shepherd.api.serialization.ByteInput;
import io.shepherd.api.serialization.ByteOutput;
import io.shepherd.api.serialization.SerializationException;
import io.shepherd.api.serialization.Serializer;
import io.shepherd.api.serialization.SerializerRegistry;
import io.shepherd.api.tuple.Tuple2;
import io.shepherd.api.tuple.Tuple3;
import io.shepherd.runtime.state.snapshot.TestValues.Box;
import io.shepherd.runtime.state.snapshot.TestValues.Color;
import io.shepherd.runtime.state.snapshot.TestValues.Money;
import io.shepherd.runtime.state.snapshot.TestValues.Point;
import io.shepherd.testkit.SeededRuns;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class ValueCodecTest {

    @Test
    void when_common_values_are_written_then_they_read_back_equal() {
        List<Object> values = Arrays.asList(null, true, false, 0L, Long.MIN_VALUE, Long.MAX_VALUE, -1, Integer.MIN_VALUE,
                "", "schlüssel \uD83D\uDE00", "\uDC00 lone", 1.5, Double.NaN, -0.0, new byte[] {1, -2},
                Tuple2.of("a", 1L), Tuple3.of(null, 2, List.of("x")), new ArrayList<>(List.of(1L, "two")),
                Map.of("k", List.of(1, 2)), new LinkedHashSet<>(List.of(3L, "three")), (short) -7, 2.5f, 'c',
                new int[] {1, 2}, new long[] {3}, new String[] {"s", null}, new Point(4, "p"), new Box(new Box(7L)),
                Color.GREEN, Color.BLUE, new Money(99), new TreeMap<>(Map.of("b", 2L, "a", 1L)));
        for (Object value : values) {
            assertThat(TestValues.canonical(roundTrip(value))).as("%s", value).isEqualTo(TestValues.canonical(value));
        }
    }

    @Test
    void when_collections_are_read_back_then_order_is_kept_and_sorted_ones_keep_their_comparator() {
        TreeMap<String, Long> reversed = new TreeMap<>(Comparator.reverseOrder());
        reversed.putAll(Map.of("a", 1L, "b", 2L, "c", 3L));
        Object read = roundTrip(reversed);
        assertThat(read).isInstanceOf(TreeMap.class);
        assertThat(((TreeMap<?, ?>) read).firstKey()).isEqualTo("c");
        assertThat(roundTrip(new HashMap<>(Map.of(1L, "x")))).isEqualTo(Map.of(1L, "x"));
        assertThat(roundTrip(List.of(3L, 1L, 2L))).isEqualTo(List.of(3L, 1L, 2L));
    }

    @Test
    void when_common_values_are_written_then_they_take_a_tag_and_their_compact_form() {
        assertThat(bytesOf(null)).hasSize(1);
        assertThat(bytesOf(true)).hasSize(1);
        assertThat(bytesOf(5L)).hasSize(2);
        assertThat(bytesOf(-5)).hasSize(2);
        assertThat(bytesOf("abc")).hasSize(5);
        assertThat(bytesOf(Tuple2.of("abc", 5L))).hasSize(8);
    }

    @Test
    void when_a_class_is_written_again_by_one_writer_then_it_is_referred_to_by_number() {
        ByteOutput out = new ByteOutput();
        ValueWriter writer = ValueCodec.builtIns().writer(out);
        writer.write(new Point(1, "a"));
        int first = out.position();
        writer.write(new Point(1, "a"));
        int second = out.position() - first;
        assertThat(second).isLessThan(first / 3).isEqualTo(2 + 8 + 1 + 2); // tag, reference, then the record

        ValueReader reader = ValueCodec.builtIns().reader(new ByteInput(out.toByteArray()));
        assertThat(reader.read()).isEqualTo(new Point(1, "a"));
        assertThat(reader.read()).isEqualTo(new Point(1, "a"));
    }

    @Test
    void when_an_enum_was_reordered_since_the_snapshot_then_constants_map_by_name() {
        byte[] bytes = enumEntry(List.of("BLUE", "GREEN", "RED"), 2);
        assertThat(ValueCodec.read(new ByteInput(bytes))).isEqualTo(Color.RED);
    }

    @Test
    void when_an_enum_lost_a_stored_constant_then_reading_it_names_the_constant() {
        byte[] bytes = enumEntry(List.of("RED", "PURPLE"), 1);
        assertThatThrownBy(() -> ValueCodec.read(new ByteInput(bytes)))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("constant PURPLE of enum " + Color.class.getName());
    }

    @Test
    void when_a_record_changed_its_components_then_reading_names_both_lists() {
        ByteOutput out = new ByteOutput();
        out.writeByte(ValueTags.RECORD);
        out.writeVarInt(0);
        out.writeString(Box.class.getName());
        out.writeVarInt(2);
        out.writeString("content");
        out.writeString("label");
        assertThatThrownBy(() -> ValueCodec.read(new ByteInput(out.toByteArray())))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("[content, label]")
                .hasMessageContaining("[content]");
    }

    @Test
    void when_a_class_now_has_another_serializer_then_reading_names_both_ids() {
        Celsius value = new Celsius(21);
        ByteOutput out = new ByteOutput();
        ValueCodec.of(registryWith("celsius-v1"), null).writer(out).write(value);
        ValueCodec other = ValueCodec.of(registryWith("celsius-v2"), null);
        assertThatThrownBy(() -> other.reader(new ByteInput(out.toByteArray())).read())
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("'celsius-v1'")
                .hasMessageContaining("'celsius-v2'");
        assertThat(ValueCodec.of(registryWith("celsius-v1"), null).reader(new ByteInput(out.toByteArray())).read())
                .isEqualTo(value);
    }

    @Test
    void when_a_value_is_neither_serializable_nor_known_then_writing_names_its_class() {
        assertThatThrownBy(() -> bytesOf(List.of(new Celsius(1))))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining(Celsius.class.getName())
                .hasMessageContaining("register a serializer");
    }

    @Test
    void when_a_stored_class_cannot_be_loaded_then_reading_names_it() {
        ByteOutput out = new ByteOutput();
        out.writeByte(ValueTags.JAVA);
        out.writeVarInt(0);
        out.writeString("com.example.Gone");
        assertThatThrownBy(() -> ValueCodec.read(new ByteInput(out.toByteArray())))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("com.example.Gone");
    }

    @Test
    void when_a_list_contains_itself_then_writing_stops_at_the_depth_limit() {
        List<Object> loop = new ArrayList<>();
        loop.add(loop);
        assertThatThrownBy(() -> bytesOf(loop))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("nested more than " + ValueCodec.MAX_DEPTH);
    }

    @Test
    void when_input_nests_deeper_than_the_limit_then_reading_refuses_it() {
        ByteOutput out = new ByteOutput();
        for (int i = 0; i <= ValueCodec.MAX_DEPTH; i++) {
            out.writeByte(ValueTags.LIST);
            out.writeVarInt(1);
        }
        out.writeByte(ValueTags.NULL);
        assertThatThrownBy(() -> ValueCodec.read(new ByteInput(out.toByteArray())))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("nested more than " + ValueCodec.MAX_DEPTH);
    }

    @Test
    void when_a_value_is_cut_at_any_byte_then_reading_fails_with_a_serialization_error() {
        Object value = List.of(new Point(1, "p"), new Box(Tuple2.of("x", new Money(5))), Color.RED, Map.of(1L, "v"));
        byte[] bytes = bytesOf(value);
        for (int length = 0; length < bytes.length; length++) {
            ByteInput cut = new ByteInput(bytes, 0, length);
            assertThatThrownBy(() -> ValueCodec.read(cut)).as("cut at %d", length)
                    .isInstanceOf(SerializationException.class);
        }
    }

    @Test
    void when_random_values_are_written_back_to_back_then_they_read_back_equal_in_order() {
        SeededRuns.of("random values through one writer", 200, 10_000).forEach(seed -> {
            SplittableRandom random = new SplittableRandom(seed);
            List<Object> values = new ArrayList<>();
            ByteOutput out = new ByteOutput();
            ValueWriter writer = ValueCodec.builtIns().writer(out);
            for (int i = random.nextInt(30); i > 0; i--) {
                Object value = TestValues.value(random, 3, true);
                values.add(value);
                writer.write(value);
            }
            ByteInput in = new ByteInput(out.toByteArray());
            ValueReader reader = ValueCodec.builtIns().reader(in);
            for (Object value : values) {
                assertThat(TestValues.canonical(reader.read())).isEqualTo(TestValues.canonical(value));
            }
            assertThat(in.hasRemaining()).isFalse();
        });
    }

    @Test
    void when_random_bytes_are_read_as_values_then_reading_returns_or_throws_a_serialization_error() {
        SeededRuns.of("garbage read as values", 300, 20_000).forEach(seed -> {
            SplittableRandom random = new SplittableRandom(seed);
            byte[] bytes = bytesOf(TestValues.value(random, 3, true));
            for (int changes = 1 + random.nextInt(3); changes > 0; changes--) {
                bytes[random.nextInt(bytes.length)] = (byte) random.nextInt();
            }
            Throwable thrown = catchThrowable(() -> ValueCodec.read(new ByteInput(bytes)));
            if (thrown != null) {
                assertThat(thrown).isInstanceOf(SerializationException.class);
            }
        });
    }

    private static Object roundTrip(Object value) {
        ByteInput in = new ByteInput(bytesOf(value));
        Object read = ValueCodec.read(in);
        assertThat(in.hasRemaining()).isFalse();
        return read;
    }

    private static byte[] bytesOf(Object value) {
        ByteOutput out = new ByteOutput();
        ValueCodec.write(out, value);
        return out.toByteArray();
    }

    /** A dictionary entry for {@link Color} as if the enum had had {@code names} when written, and one value. */
    private static byte[] enumEntry(List<String> names, int ordinal) {
        ByteOutput out = new ByteOutput();
        out.writeByte(ValueTags.ENUM);
        out.writeVarInt(0);
        out.writeString(Color.class.getName());
        out.writeVarInt(names.size());
        names.forEach(out::writeString);
        out.writeVarInt(ordinal);
        return out.toByteArray();
    }

    /** Neither a record nor Serializable: only a registered serializer can write it. */
    static final class Celsius {
        final int degrees;

        Celsius(int degrees) {
            this.degrees = degrees;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Celsius celsius && celsius.degrees == degrees;
        }

        @Override
        public int hashCode() {
            return degrees;
        }
    }

    private static SerializerRegistry registryWith(String id) {
        return SerializerRegistry.builder().register(Celsius.class, new CelsiusSerializer(id)).build();
    }

    private record CelsiusSerializer(String id) implements Serializer<Celsius> {
        @Override
        public void write(Celsius value, ByteOutput out) {
            out.writeSignedVarInt(value.degrees);
        }

        @Override
        public Celsius read(ByteInput in) {
            return new Celsius(in.readSignedVarInt());
        }
    }
}
