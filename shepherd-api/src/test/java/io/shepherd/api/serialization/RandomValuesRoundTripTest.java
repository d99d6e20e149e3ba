package io.shepherd.api.serialization;

import static org.assertj.core.api.Assertions.assertThat;

import io.shepherd.api.serialization.RandomSchemas.Schema;
import io.shepherd.testkit.SeededRuns;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Seeded property tests: random nested schemas (collections, nullables, tuples, records, every
 * scalar) with random values. A failure names its seed; replay it with {@code -Dshepherd.seed=N}.
 */
class RandomValuesRoundTripTest {

    @Test
    void when_random_nested_values_are_written_then_they_read_back_equal_and_re_encode_identically() {
        SeededRuns.of("random nested values round-trip", 300, 20_000).forEach(seed -> {
            SplittableRandom random = new SplittableRandom(seed);
            Schema<?> schema = RandomSchemas.any(random, 3);
            for (int i = 0; i < 20; i++) {
                checkRoundTrip(schema, random);
            }
        });
    }

    @Test
    void when_random_values_are_written_back_to_back_then_each_reads_back_in_turn() {
        SeededRuns.of("random values back to back", 100, 5_000).forEach(seed -> {
            SplittableRandom random = new SplittableRandom(seed);
            @SuppressWarnings("unchecked")
            Schema<Object> schema = (Schema<Object>) RandomSchemas.any(random, 2);
            Object[] values = new Object[1 + random.nextInt(30)];
            ByteOutput out = new ByteOutput(0);
            for (int i = 0; i < values.length; i++) {
                values[i] = schema.values().apply(random);
                schema.serializer().write(values[i], out);
            }
            ByteInput in = new ByteInput(out.toByteArray());
            for (Object value : values) {
                assertThat(DeepEquality.equal(schema.serializer().read(in), value)).isTrue();
            }
            assertThat(in.hasRemaining()).isFalse();
        });
    }

    @Test
    void when_random_bytes_of_an_encoding_are_corrupted_then_reading_returns_or_throws_a_serialization_error() {
        SeededRuns.of("corrupted encodings fail cleanly", 300, 20_000).forEach(seed -> {
            SplittableRandom random = new SplittableRandom(seed);
            @SuppressWarnings("unchecked")
            Schema<Object> schema = (Schema<Object>) RandomSchemas.any(random, 3);
            byte[] bytes = RoundTrip.bytesOf(schema.serializer(), schema.values().apply(random));
            if (bytes.length == 0) {
                return;
            }
            for (int flips = 1 + random.nextInt(3); flips > 0; flips--) {
                bytes[random.nextInt(bytes.length)] = (byte) random.nextInt();
            }
            try {
                schema.serializer().read(new ByteInput(bytes));
            } catch (SerializationException expected) {
                // corrupt input may be detected, with a message; any other exception is a bug
            }
        });
    }

    @SuppressWarnings("unchecked")
    private static void checkRoundTrip(Schema<?> generic, SplittableRandom random) {
        Schema<Object> schema = (Schema<Object>) generic;
        Serializer<Object> serializer = schema.serializer();
        Object value = schema.values().apply(random);
        byte[] bytes = RoundTrip.bytesOf(serializer, value);
        Object read = RoundTrip.read(serializer, bytes);
        assertThat(DeepEquality.equal(read, value)).as("%s read back %s, wrote %s", serializer.id(), read, value).isTrue();
        assertThat(RoundTrip.bytesOf(serializer, read)).as("re-encoding with %s", serializer.id()).isEqualTo(bytes);
        Object copy = serializer.copy(value);
        assertThat(DeepEquality.equal(copy, value)).as("copy with %s", serializer.id()).isTrue();
    }
}
