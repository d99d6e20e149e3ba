package io.shepherd.runtime.state.snapshot;

import io.shepherd.api.serialization.ByteOutput;
import io.shepherd.api.serialization.SerializationException;
import io.shepherd.runtime.state.KeyedStateBackend;
import io.shepherd.runtime.state.OperatorStateBackend;
import io.shepherd.runtime.timers.KeyedTimerService;
import java.util.Objects;

/**
 * A copy of one operator subtask's state — keyed state, operator lists, timers and the timer
 * service's watermark — taken in two steps so that the task stops for as short a time as possible:
 *
 * <ol>
 *   <li>{@link #take} runs on the task thread while the barrier passes. It copies only the
 *       structure: each state table's entries and each list into arrays, the lists of list state
 *       and the maps of map state into arrays of their own, and the timers. Nothing is
 *       serialized.</li>
 *   <li>{@link #writeTo} runs on any other thread while the task goes on changing its state; what
 *       it writes is the state at the moment of {@link #take}.</li>
 * </ol>
 *
 * <p>This relies on one rule: <b>a value handed to state is not changed afterwards</b> (the
 * same rule as for emitted records). State values, list elements, map keys and values, keys and
 * timer keys are shared between the live state and the snapshot, not copied.
 *
 * <p>Restored state not yet asked for by the operator is included, so a snapshot never drops it.
 * The bytes are read back by {@link RestoredOperatorState#read}; the format is in
 * {@code docs/state-snapshots.md}.
 */
public final class OperatorSnapshot {
    private final StateImage image;

    private OperatorSnapshot(StateImage image) {
        this.image = image;
    }

    /**
     * Copies the state as it is now. On the task thread; its cost grows with the number of keys
     * and elements, not with their size.
     *
     * @param keyedOrNull the keyed state, or null for an operator on a stream without keys
     * @param timersOrNull the timers, or null for an operator without them
     */
    public static OperatorSnapshot take(
            KeyedStateBackend keyedOrNull, OperatorStateBackend operatorState, KeyedTimerService timersOrNull) {
        Objects.requireNonNull(operatorState, "operator state");
        return new OperatorSnapshot(StateImage.copyOf(keyedOrNull, operatorState, timersOrNull));
    }

    /** Writes the snapshot with the built-in serializers. Safe to call on any thread, and more than once. */
    public void writeTo(ByteOutput out) {
        writeTo(out, ValueCodec.builtIns());
    }

    /**
     * Writes the snapshot, values through {@code codec} (for a job that registered serializers).
     *
     * @throws SerializationException if a value cannot be written; the message names the state and the class
     */
    public void writeTo(ByteOutput out, ValueCodec codec) {
        Objects.requireNonNull(codec, "codec");
        SnapshotFormat.frame(out, body -> ImageWriter.write(image, body, codec));
    }

    /**
     * True when there is nothing to restore: no keyed entries, no list elements, no timers, and no
     * watermark seen. A task may skip writing an empty snapshot.
     */
    public boolean isEmpty() {
        return image.isEmpty();
    }

    /** The operator's name, as the state backends know it. */
    public String operator() {
        return image.operator();
    }
}
