package io.shepherd.api.serialization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ByteInputOutputTest {

    @Test
    void when_fixed_width_values_are_written_then_they_read_back_in_order() {
        ByteOutput out = new ByteOutput(0);
        out.writeByte(-1);
        out.writeBoolean(true);
        out.writeShort(Short.MIN_VALUE);
        out.writeChar('\uFFFF');
        out.writeInt(Integer.MIN_VALUE);
        out.writeLong(Long.MAX_VALUE);
        out.writeFloat(-0.0f);
        out.writeDouble(Double.NaN);

        ByteInput in = new ByteInput(out.toByteArray());
        assertThat(in.readByte()).isEqualTo((byte) -1);
        assertThat(in.readBoolean()).isTrue();
        assertThat(in.readShort()).isEqualTo(Short.MIN_VALUE);
        assertThat(in.readChar()).isEqualTo('\uFFFF');
        assertThat(in.readInt()).isEqualTo(Integer.MIN_VALUE);
        assertThat(in.readLong()).isEqualTo(Long.MAX_VALUE);
        assertThat(Float.floatToRawIntBits(in.readFloat())).isEqualTo(Float.floatToRawIntBits(-0.0f));
        assertThat(in.readDouble()).isNaN();
        assertThat(in.hasRemaining()).isFalse();
    }

    @Test
    void when_an_int_is_written_then_it_is_little_endian() {
        ByteOutput out = new ByteOutput();
        out.writeInt(0x0403_0201);
        assertThat(out.toByteArray()).containsExactly(1, 2, 3, 4);
    }

    @Test
    void when_var_ints_are_written_then_small_values_take_one_byte_and_all_round_trip() {
        int[] values = {0, 1, 127, 128, 16_383, 16_384, Integer.MAX_VALUE, -1, Integer.MIN_VALUE};
        int[] sizes = {1, 1, 1, 2, 2, 3, 5, 5, 5};
        for (int i = 0; i < values.length; i++) {
            ByteOutput out = new ByteOutput();
            out.writeVarInt(values[i]);
            assertThat(out.position()).as("size of %s", values[i]).isEqualTo(sizes[i]);
            ByteInput in = new ByteInput(out.toByteArray());
            assertThat(in.readVarInt()).isEqualTo(values[i]);
            assertThat(in.hasRemaining()).isFalse();
        }
    }

    @Test
    void when_signed_var_numbers_are_written_then_small_negatives_stay_short() {
        ByteOutput out = new ByteOutput();
        out.writeSignedVarInt(-1);
        out.writeSignedVarLong(-64);
        assertThat(out.position()).isEqualTo(2);
        long[] longs = {0, -1, 1, 63, -64, 64, Long.MAX_VALUE, Long.MIN_VALUE};
        for (long value : longs) {
            out.writeSignedVarLong(value);
            out.writeVarLong(value);
            out.writeSignedVarInt((int) value);
        }
        ByteInput in = new ByteInput(out.toByteArray());
        assertThat(in.readSignedVarInt()).isEqualTo(-1);
        assertThat(in.readSignedVarLong()).isEqualTo(-64);
        for (long value : longs) {
            assertThat(in.readSignedVarLong()).isEqualTo(value);
            assertThat(in.readVarLong()).isEqualTo(value);
            assertThat(in.readSignedVarInt()).isEqualTo((int) value);
        }
        assertThat(in.hasRemaining()).isFalse();
    }

    @Test
    void when_a_var_int_is_longer_than_five_bytes_then_it_is_corrupt() {
        byte[] bytes = {(byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80, 0x01};
        assertThatThrownBy(() -> new ByteInput(bytes).readVarInt())
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("position 0")
                .hasMessageContaining("longer than 5 bytes");
    }

    @Test
    void when_a_var_int_overflows_32_bits_then_it_is_corrupt() {
        byte[] bytes = {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0x1F};
        assertThatThrownBy(() -> new ByteInput(bytes).readVarInt()).hasMessageContaining("overflows 32 bits");
    }

    @Test
    void when_a_var_long_overflows_64_bits_then_it_is_corrupt() {
        byte[] bytes = new byte[10];
        java.util.Arrays.fill(bytes, (byte) 0xFF);
        bytes[9] = 0x02;
        assertThatThrownBy(() -> new ByteInput(bytes).readVarLong()).hasMessageContaining("overflows 64 bits");
    }

    @Test
    void when_input_ends_inside_a_long_then_the_error_names_the_position() {
        ByteInput in = new ByteInput(new byte[] {1, 2, 3, 4, 5, 6, 7});
        in.readByte();
        assertThatThrownBy(in::readLong)
                .isInstanceOf(SerializationException.class)
                .hasMessage("truncated input: a long needs 8 bytes at position 1, but only 6 remain");
    }

    @Test
    void when_input_ends_inside_a_var_int_then_the_error_names_where_it_started() {
        ByteInput in = new ByteInput(new byte[] {0, (byte) 0x80, (byte) 0x80});
        in.readByte();
        assertThatThrownBy(in::readVarInt)
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("starting at position 1")
                .hasMessageContaining("end of the input at position 3");
    }

    @Test
    void when_reading_a_region_then_positions_count_from_its_start_and_its_end_is_enforced() {
        byte[] bytes = {9, 9, 1, 0, 0, 0, 9, 9};
        ByteInput in = new ByteInput(bytes, 2, 4);
        assertThat(in.readInt()).isEqualTo(1);
        assertThat(in.position()).isEqualTo(4);
        assertThatThrownBy(in::readByte).hasMessageContaining("position 4, but only 0 remain");
    }

    @Test
    void when_a_length_promises_more_than_remains_then_nothing_large_is_allocated() {
        ByteOutput out = new ByteOutput();
        out.writeVarInt(Integer.MAX_VALUE);
        assertThatThrownBy(() -> Serializers.byteArrays().read(new ByteInput(out.toByteArray())))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("truncated input")
                .hasMessageContaining("position 5");
    }

    @Test
    void when_a_length_is_negative_then_it_is_corrupt() {
        ByteOutput out = new ByteOutput();
        out.writeVarInt(-5);
        assertThatThrownBy(() -> new ByteInput(out.toByteArray()).readLength())
                .hasMessageContaining("corrupt input at position 0")
                .hasMessageContaining("negative");
    }

    @Test
    void when_a_boolean_byte_is_neither_0_nor_1_then_it_is_corrupt() {
        assertThatThrownBy(() -> new ByteInput(new byte[] {2}).readBoolean())
                .hasMessage("corrupt input at position 0: a boolean must be 0 or 1, found 2");
    }

    @Test
    void when_the_output_grows_then_earlier_bytes_are_kept() {
        ByteOutput out = new ByteOutput(1);
        for (int i = 0; i < 10_000; i++) {
            out.writeInt(i);
        }
        ByteInput in = new ByteInput(out.toByteArray());
        for (int i = 0; i < 10_000; i++) {
            assertThat(in.readInt()).isEqualTo(i);
        }
    }

    @Test
    void when_reset_then_the_output_is_empty_and_reuses_its_array() {
        ByteOutput out = new ByteOutput(16);
        out.writeLong(1);
        byte[] array = out.array();
        out.reset();
        assertThat(out.position()).isZero();
        out.writeLong(2);
        assertThat(out.array()).isSameAs(array);
        assertThat(new ByteInput(out.toByteArray()).readLong()).isEqualTo(2);
    }

    @Test
    void when_raw_bytes_are_written_then_they_read_back_into_a_slice() {
        ByteOutput out = new ByteOutput();
        out.writeBytes(new byte[] {0, 1, 2, 3}, 1, 2);
        byte[] target = new byte[4];
        new ByteInput(out.toByteArray()).readBytes(target, 1, 2);
        assertThat(target).containsExactly(0, 1, 2, 0);
    }
}
