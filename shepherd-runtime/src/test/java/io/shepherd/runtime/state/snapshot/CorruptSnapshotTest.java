package io.shepherd.runtime.state.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.shepherd.api.serialization.ByteInput;
import io.shepherd.api.serialization.ByteOutput;
import io.shepherd.api.serialization.SerializationException;
import io.shepherd.testkit.SeededRuns;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Snapshots cut short or with flipped bits fail with a clear {@link SerializationException}, never
 * with wrong state; a body that is garbage but carries a valid checksum (a broken writer) fails
 * cleanly too, without looping or allocating beyond its size.
 */
class CorruptSnapshotTest {

    @Test
    void when_a_snapshot_is_cut_at_any_byte_then_reading_says_it_is_truncated() {
        byte[] bytes = sampleSnapshot(1);
        for (int length = 0; length < bytes.length; length++) {
            ByteInput cut = new ByteInput(bytes, 0, length);
            assertThatThrownBy(() -> RestoredOperatorState.read(cut))
                    .as("cut at %d of %d bytes", length, bytes.length)
                    .isInstanceOf(SerializationException.class)
                    .hasMessageContaining("truncated");
        }
    }

    @Test
    void when_any_single_bit_is_flipped_then_reading_fails() {
        byte[] bytes = sampleSnapshot(2);
        for (int bit = 0; bit < 8 * bytes.length; bit++) {
            byte[] flipped = bytes.clone();
            flipped[bit / 8] ^= (byte) (1 << (bit % 8));
            assertThatThrownBy(() -> RestoredOperatorState.read(new ByteInput(flipped)))
                    .as("bit %d of %d", bit, 8 * bytes.length)
                    .isInstanceOf(SerializationException.class);
        }
    }

    @Test
    void when_the_body_is_changed_then_the_checksum_names_the_mismatch() {
        byte[] bytes = sampleSnapshot(3);
        bytes[SnapshotFormat.HEADER_BYTES + 2] ^= 0x10;
        assertThatThrownBy(() -> RestoredOperatorState.read(new ByteInput(bytes)))
                .hasMessageContaining("corrupt operator snapshot")
                .hasMessageContaining("checksum");
    }

    @Test
    void when_the_format_version_is_unknown_then_the_error_names_it_and_the_supported_one() {
        byte[] bytes = sampleSnapshot(4);
        bytes[4] = 7;
        assertThatThrownBy(() -> RestoredOperatorState.read(new ByteInput(bytes)))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("format version 7 is not supported")
                .hasMessageContaining("reads version 1");
    }

    @Test
    void when_the_input_is_something_else_then_it_is_not_taken_for_a_snapshot() {
        byte[] text = "hello, world".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        assertThatThrownBy(() -> RestoredOperatorState.read(new ByteInput(text)))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("not an operator snapshot");
    }

    @Test
    void when_a_body_announces_more_entries_than_it_has_bytes_then_reading_fails_before_allocating() {
        ByteOutput out = new ByteOutput();
        SnapshotFormat.frame(out, body -> {
            body.writeString("counts");
            body.writeByte(SnapshotFormat.KEYED_SECTION);
            body.writeVarInt(1);
            body.writeString("sum");
            body.writeByte(1); // VALUE
            body.writeString("java.lang.Long");
            body.writeVarInt(Integer.MAX_VALUE); // entries
        });
        assertThatThrownBy(() -> RestoredOperatorState.read(new ByteInput(out.toByteArray())))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("keyed state 'sum' of operator 'counts'")
                .hasMessageContaining("keyed state entries needs " + Integer.MAX_VALUE + " bytes");
    }

    @Test
    void when_bytes_follow_the_body_inside_the_frame_then_reading_names_them() {
        ByteOutput out = new ByteOutput();
        SnapshotFormat.frame(out, body -> {
            body.writeString("counts");
            body.writeByte(SnapshotFormat.KEYED_SECTION);
            body.writeVarInt(0);
            body.writeByte(SnapshotFormat.LISTS_SECTION);
            body.writeVarInt(0);
            body.writeByte(SnapshotFormat.TIMERS_SECTION);
            body.writeBoolean(false);
            body.writeByte(0x55);
        });
        assertThatThrownBy(() -> RestoredOperatorState.read(new ByteInput(out.toByteArray())))
                .hasMessageContaining("1 bytes follow the end of its body");
    }

    @Test
    void when_a_body_with_a_valid_checksum_is_garbage_then_reading_and_restoring_fail_cleanly_or_succeed() {
        SeededRuns.of("garbage bodies under a valid checksum", 300, 20_000).forEach(seed -> {
            SplittableRandom random = new SplittableRandom(seed);
            byte[] body = bodyOf(sampleSnapshot(random.nextLong()));
            byte[] garbled = garble(body, random);
            ByteOutput out = new ByteOutput();
            SnapshotFormat.frame(out, o -> o.writeBytes(garbled));
            Throwable thrown = catchThrowable(() -> {
                RestoredOperatorState state = RestoredOperatorState.read(new ByteInput(out.toByteArray()));
                OperatorWorld target = new OperatorWorld(128, 1);
                target.restore(state);
                target.claimAll();
            });
            if (thrown != null) {
                assertThat(thrown).isInstanceOfAny(SerializationException.class, IllegalStateException.class);
                assertThat(thrown.getMessage()).isNotBlank();
            }
        });
    }

    /** A snapshot of random state: every kind of state, timers, operator lists. */
    private static byte[] sampleSnapshot(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        OperatorWorld world = new OperatorWorld(128, 1);
        world.fill(random, 40);
        world.timers[0].advanceWatermark(17);
        return OperatorWorld.bytesOf(world.snapshot(0));
    }

    private static byte[] bodyOf(byte[] snapshot) {
        return Arrays.copyOfRange(snapshot, SnapshotFormat.HEADER_BYTES, snapshot.length - SnapshotFormat.CHECKSUM_BYTES);
    }

    /** Overwrites a few bytes, or cuts the body short, or both. */
    private static byte[] garble(byte[] body, SplittableRandom random) {
        byte[] garbled = random.nextInt(4) == 0 ? Arrays.copyOf(body, random.nextInt(body.length + 1)) : body.clone();
        for (int changes = random.nextInt(4); changes > 0 && garbled.length > 0; changes--) {
            garbled[random.nextInt(garbled.length)] = (byte) random.nextInt();
        }
        return garbled;
    }
}
