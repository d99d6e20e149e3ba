package io.shepherd.api.serialization;

import static io.shepherd.api.serialization.RoundTrip.bytesOf;
import static io.shepherd.api.serialization.RoundTrip.roundTrip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class BuiltInSerializersTest {

    @Test
    void when_longs_are_written_then_edge_values_round_trip_in_eight_bytes() {
        for (long value : new long[] {0, 1, -1, Long.MIN_VALUE, Long.MAX_VALUE}) {
            assertThat(roundTrip(Serializers.longs(), value)).isEqualTo(value);
            assertThat(bytesOf(Serializers.longs(), value)).hasSize(8);
        }
    }

    @Test
    void when_var_longs_are_written_then_edge_values_round_trip_and_small_ones_are_short() {
        for (long value : new long[] {0, 1, -1, 63, -64, Long.MIN_VALUE, Long.MAX_VALUE}) {
            assertThat(roundTrip(Serializers.varLongs(), value)).isEqualTo(value);
        }
        assertThat(bytesOf(Serializers.varLongs(), -64L)).hasSize(1);
        assertThat(bytesOf(Serializers.varLongs(), Long.MIN_VALUE)).hasSize(10);
    }

    @Test
    void when_ints_shorts_bytes_and_chars_are_written_then_edge_values_round_trip() {
        for (int value : new int[] {0, -1, Integer.MIN_VALUE, Integer.MAX_VALUE}) {
            assertThat(roundTrip(Serializers.ints(), value)).isEqualTo(value);
        }
        for (short value : new short[] {0, -1, Short.MIN_VALUE, Short.MAX_VALUE}) {
            assertThat(roundTrip(Serializers.shorts(), value)).isEqualTo(value);
        }
        for (byte value : new byte[] {0, -1, Byte.MIN_VALUE, Byte.MAX_VALUE}) {
            assertThat(roundTrip(Serializers.bytes(), value)).isEqualTo(value);
        }
        for (char value : new char[] {0, 'a', '\u00e9', '\uD800', '\uFFFF'}) {
            assertThat(roundTrip(Serializers.chars(), value)).isEqualTo(value);
        }
        assertThat(roundTrip(Serializers.booleans(), true)).isTrue();
        assertThat(roundTrip(Serializers.booleans(), false)).isFalse();
    }

    @Test
    void when_doubles_are_written_then_nan_payloads_infinities_and_negative_zero_survive_bit_for_bit() {
        double payloadNaN = Double.longBitsToDouble(0x7FF0_0000_0000_0001L);
        for (double value : new double[] {0.0, -0.0, Double.NaN, payloadNaN, Double.POSITIVE_INFINITY,
                Double.NEGATIVE_INFINITY, Double.MIN_VALUE, Double.MAX_VALUE, Math.PI}) {
            double read = roundTrip(Serializers.doubles(), value);
            assertThat(Double.doubleToRawLongBits(read)).isEqualTo(Double.doubleToRawLongBits(value));
        }
    }

    @Test
    void when_floats_are_written_then_nan_payloads_infinities_and_negative_zero_survive_bit_for_bit() {
        float payloadNaN = Float.intBitsToFloat(0x7F80_0001);
        for (float value : new float[] {0f, -0f, Float.NaN, payloadNaN, Float.POSITIVE_INFINITY,
                Float.NEGATIVE_INFINITY, Float.MIN_VALUE, Float.MAX_VALUE}) {
            float read = roundTrip(Serializers.floats(), value);
            assertThat(Float.floatToRawIntBits(read)).isEqualTo(Float.floatToRawIntBits(value));
        }
    }

    @Test
    void when_primitive_arrays_are_written_then_empty_and_edge_arrays_round_trip() {
        assertThat(roundTrip(Serializers.byteArrays(), new byte[0])).isEmpty();
        assertThat(roundTrip(Serializers.byteArrays(), new byte[] {Byte.MIN_VALUE, 0, Byte.MAX_VALUE}))
                .containsExactly(Byte.MIN_VALUE, 0, Byte.MAX_VALUE);
        assertThat(roundTrip(Serializers.intArrays(), new int[] {Integer.MIN_VALUE, 0, Integer.MAX_VALUE}))
                .containsExactly(Integer.MIN_VALUE, 0, Integer.MAX_VALUE);
        assertThat(roundTrip(Serializers.longArrays(), new long[] {Long.MIN_VALUE, -1, Long.MAX_VALUE}))
                .containsExactly(Long.MIN_VALUE, -1, Long.MAX_VALUE);
        assertThat(roundTrip(Serializers.doubleArrays(), new double[] {-0.0, Double.NaN, 1e300}))
                .containsExactly(-0.0, Double.NaN, 1e300);
        assertThat(roundTrip(Serializers.of(boolean[].class), new boolean[] {true, false})).containsExactly(true, false);
        assertThat(roundTrip(Serializers.of(short[].class), new short[] {Short.MIN_VALUE})).containsExactly(Short.MIN_VALUE);
        assertThat(roundTrip(Serializers.of(char[].class), new char[] {'\uFFFF', 'x'})).containsExactly('\uFFFF', 'x');
        assertThat(roundTrip(Serializers.of(float[].class), new float[] {Float.NaN, -0f})).containsExactly(Float.NaN, -0f);
    }

    @Test
    void when_a_large_array_is_written_then_it_round_trips() {
        long[] values = new long[100_000];
        for (int i = 0; i < values.length; i++) {
            values[i] = (long) i * 0x9E37_79B9_7F4A_7C15L;
        }
        assertThat(roundTrip(Serializers.longArrays(), values)).isEqualTo(values);
    }

    @Test
    void when_a_boolean_array_holds_a_byte_other_than_0_or_1_then_it_is_corrupt() {
        byte[] bytes = {2, 1, 7};
        assertThatThrownBy(() -> Serializers.of(boolean[].class).read(new ByteInput(bytes)))
                .isInstanceOf(SerializationException.class)
                .hasMessage("corrupt input at position 2: element 1 of a boolean[] is 7, not a valid value");
    }

    @Test
    void when_an_array_copy_is_made_then_it_does_not_share_the_array() {
        int[] original = {1, 2, 3};
        int[] copy = Serializers.intArrays().copy(original);
        assertThat(copy).isEqualTo(original).isNotSameAs(original);
    }

    @Test
    void when_a_built_in_is_given_null_then_the_error_says_to_use_nullable() {
        for (Serializer<?> serializer : List.of(Serializers.longs(), Serializers.strings(), Serializers.byteArrays(),
                Serializers.listOf(Serializers.ints()))) {
            @SuppressWarnings("unchecked")
            Serializer<Object> any = (Serializer<Object>) serializer;
            assertThatThrownBy(() -> any.write(null, new ByteOutput()))
                    .isInstanceOf(SerializationException.class)
                    .hasMessageContaining("'" + serializer.id() + "' serializer cannot write null")
                    .hasMessageContaining("Serializers.nullable");
        }
    }

    @Test
    void when_immutable_values_are_copied_then_the_same_instance_comes_back() {
        String value = new String("abc");
        assertThat(Serializers.strings().copy(value)).isSameAs(value);
        Long boxed = 1234567L;
        assertThat(Serializers.longs().copy(boxed)).isSameAs(boxed);
    }
}
