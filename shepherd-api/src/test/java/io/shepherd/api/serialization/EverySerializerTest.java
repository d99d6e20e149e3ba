package io.shepherd.api.serialization;

import static io.shepherd.api.serialization.RoundTrip.bytesOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shepherd.api.serialization.Samples.Sample;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Properties every serializer must have, checked on one sample value of each. */
class EverySerializerTest {

    static List<Sample<?>> samples() {
        return Samples.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    <T> void when_a_value_is_read_back_then_writing_it_again_gives_the_same_bytes(Sample<T> sample) {
        byte[] bytes = bytesOf(sample.serializer(), sample.value());
        T read = RoundTrip.roundTrip(sample.serializer(), sample.value());
        assertThat(bytesOf(sample.serializer(), read)).isEqualTo(bytes);
        assertThat(bytesOf(sample.serializer(), sample.serializer().copy(sample.value()))).isEqualTo(bytes);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    <T> void when_input_is_cut_short_anywhere_then_reading_fails_with_a_serialization_error(Sample<T> sample) {
        byte[] bytes = bytesOf(sample.serializer(), sample.value());
        for (int length = 0; length < bytes.length; length++) {
            ByteInput in = new ByteInput(Arrays.copyOf(bytes, length));
            assertThatThrownBy(() -> sample.serializer().read(in))
                    .as("%s cut to %d of %d bytes", sample, length, bytes.length)
                    .isInstanceOf(SerializationException.class)
                    .hasMessageContaining("position");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    <T> void when_a_serializer_is_shipped_with_java_serialization_then_it_still_reads_and_writes(Sample<T> sample)
            throws IOException, ClassNotFoundException {
        Serializer<T> shipped = ship(sample.serializer());
        byte[] bytes = bytesOf(sample.serializer(), sample.value());
        assertThat(shipped.id()).isEqualTo(sample.serializer().id());
        assertThat(bytesOf(shipped, RoundTrip.read(shipped, bytes))).isEqualTo(bytes);
    }

    @SuppressWarnings("unchecked")
    static <T> Serializer<T> ship(Serializer<T> serializer) throws IOException, ClassNotFoundException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(serializer);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return (Serializer<T>) in.readObject();
        }
    }
}
