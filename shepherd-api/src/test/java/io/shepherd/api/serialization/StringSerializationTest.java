package io.shepherd.api.serialization;

import static io.shepherd.api.serialization.RoundTrip.bytesOf;
import static io.shepherd.api.serialization.RoundTrip.roundTrip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StringSerializationTest {
    private final Serializer<String> strings = Serializers.strings();

    @ParameterizedTest
    @ValueSource(strings = {"", "a", "hello, world", "caf\u00e9", "\u00ff\u0100", "\u65e5\u672c\u8a9e", "\u0000",
            "\uD83D\uDE00 smile", "mixed \u00e9 \u65e5 \uD83C\uDF0D end", "\u07FF\u0800\uFFFF"})
    void when_a_string_is_written_then_it_reads_back_equal(String value) {
        assertThat(roundTrip(strings, value)).isEqualTo(value);
    }

    @Test
    void when_a_string_is_valid_unicode_then_the_bytes_are_standard_utf8_after_the_length() {
        String value = "a\u00e9\u65e5\uD83D\uDE00";
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        byte[] bytes = bytesOf(strings, value);
        assertThat(bytes[0]).isEqualTo((byte) utf8.length);
        assertThat(java.util.Arrays.copyOfRange(bytes, 1, bytes.length)).isEqualTo(utf8);
    }

    @ParameterizedTest
    @ValueSource(strings = {"\uD800", "\uDC00", "x\uDBFFy", "\uDC00\uD800", "end\uD83D"})
    void when_a_string_has_a_lone_surrogate_then_it_still_round_trips_exactly(String value) {
        assertThat(roundTrip(strings, value)).isEqualTo(value);
    }

    @Test
    void when_a_string_is_huge_then_it_round_trips() {
        SplittableRandom random = new SplittableRandom(7);
        StringBuilder builder = new StringBuilder();
        while (builder.length() < 1_000_000) {
            builder.appendCodePoint(random.nextInt(4) == 0 ? random.nextInt(0x10000, 0x10FFFF) : random.nextInt(0x20, 0x7F));
        }
        String value = builder.toString();
        assertThat(roundTrip(strings, value)).isEqualTo(value);
        String ascii = "x".repeat(3_000_000);
        assertThat(roundTrip(strings, ascii)).isEqualTo(ascii);
    }

    @Test
    void when_utf8_has_a_stray_continuation_byte_then_the_error_names_its_position() {
        byte[] bytes = {3, 'a', (byte) 0x80, 'b'};
        assertThatThrownBy(() -> strings.read(new ByteInput(bytes)))
                .isInstanceOf(SerializationException.class)
                .hasMessage("malformed UTF-8 at position 2: invalid leading byte 0x80");
    }

    @Test
    void when_utf8_uses_an_overlong_form_then_it_is_rejected() {
        byte[] bytes = {2, (byte) 0xC0, (byte) 0xAF}; // '/' in two bytes
        assertThatThrownBy(() -> strings.read(new ByteInput(bytes))).hasMessageContaining("2-byte sequence");
    }

    @Test
    void when_a_multibyte_sequence_runs_past_the_string_then_it_is_rejected() {
        byte[] bytes = {2, 'a', (byte) 0xE6, (byte) 0x97};
        assertThatThrownBy(() -> strings.read(new ByteInput(bytes)))
                .hasMessageContaining("position 2")
                .hasMessageContaining("runs past the end of the string");
    }

    @Test
    void when_a_code_point_is_beyond_unicode_then_it_is_rejected() {
        byte[] bytes = {4, (byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80};
        assertThatThrownBy(() -> strings.read(new ByteInput(bytes))).hasMessageContaining("code point 0x110000");
    }

    @Test
    void when_a_string_length_runs_past_the_input_then_it_is_truncated() {
        byte[] bytes = {10, 'a', 'b'};
        assertThatThrownBy(() -> strings.read(new ByteInput(bytes)))
                .hasMessage("truncated input: the UTF-8 of a string needs 10 bytes at position 1, but only 2 remain");
    }
}
