package io.shepherd.api.serialization;

import static org.assertj.core.api.Assertions.assertThat;

/** Test helpers: write a value, read it back, and check that exactly the written bytes were read. */
final class RoundTrip {
    private RoundTrip() {}

    static <T> byte[] bytesOf(Serializer<T> serializer, T value) {
        ByteOutput out = new ByteOutput(4); // small, so that growth is exercised too
        serializer.write(value, out);
        return out.toByteArray();
    }

    static <T> T read(Serializer<T> serializer, byte[] bytes) {
        ByteInput in = new ByteInput(bytes);
        T value = serializer.read(in);
        assertThat(in.remaining()).as("bytes left after reading with %s", serializer.id()).isZero();
        return value;
    }

    /** Writes then reads {@code value}, and also writes it twice back to back to check framing. */
    static <T> T roundTrip(Serializer<T> serializer, T value) {
        byte[] once = bytesOf(serializer, value);
        ByteOutput twice = new ByteOutput();
        serializer.write(value, twice);
        serializer.write(value, twice);
        ByteInput in = new ByteInput(twice.toByteArray());
        serializer.read(in);
        assertThat(in.position()).as("the first value ends where the second begins").isEqualTo(once.length);
        serializer.read(in);
        assertThat(in.hasRemaining()).isFalse();
        return read(serializer, once);
    }
}
