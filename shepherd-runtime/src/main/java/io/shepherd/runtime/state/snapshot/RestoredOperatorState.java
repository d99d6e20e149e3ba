package io.shepherd.runtime.state.snapshot;

import io.shepherd.api.serialization.ByteInput;
import io.shepherd.api.serialization.SerializationException;
import io.shepherd.runtime.state.KeyedStateBackend;
import io.shepherd.runtime.state.OperatorStateBackend;
import io.shepherd.runtime.timers.KeyedTimerService;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Operator state read back from snapshots, ready to be put into a new subtask's backends: either
 * one old subtask's state ({@link #read}), or the state of all old subtasks of the operator
 * ({@link #merge}), from which each new subtask takes its share when the parallelism changed.
 *
 * <p>What {@link #restoreInto} gives a subtask:
 * <ul>
 *   <li><b>Keyed state and timers</b>: the entries and timers of the keys whose key group the
 *       subtask owns ({@link io.shepherd.runtime.partition.KeyGroups}). From merged state the others
 *       are skipped; in the state of a single old subtask every key must be owned, else the wrong
 *       snapshot was given (or the parallelism changed without a merge) and restoring fails.</li>
 *   <li><b>Operator lists</b>: as they were, when the state is a single subtask's or the merged
 *       parts are as many as the new parallelism (part <i>i</i> to subtask <i>i</i>). Otherwise
 *       each list's elements, over all old subtasks in order, are dealt round robin: element
 *       <i>j</i> to subtask <i>j</i> mod the parallelism — like Flink's "split" redistribution,
 *       every element goes to exactly one subtask.</li>
 *   <li><b>The watermark</b> of the timer service: the subtask's own, under the same condition as
 *       the lists; else the lowest of the old subtasks', which is never later than any of them.</li>
 * </ul>
 * Keyed states and lists are created lazily by descriptor, so restored ones wait until the
 * operator asks for them and are adopted then, if kind and types match (see
 * {@link KeyedStateBackend#restore}).
 *
 * <p>Immutable: one instance can be restored into any number of subtasks, and again after
 * another failure; every restore gets containers of its own.
 */
public final class RestoredOperatorState {
    private final List<StateImage> parts;
    private final boolean allSubtasks;

    private RestoredOperatorState(List<StateImage> parts, boolean allSubtasks) {
        this.parts = parts;
        this.allSubtasks = allSubtasks;
    }

    /** Reads one snapshot {@link OperatorSnapshot#writeTo} wrote, with the built-in serializers. */
    public static RestoredOperatorState read(ByteInput in) {
        return read(in, ValueCodec.builtIns());
    }

    /**
     * Reads one snapshot, leaving {@code in} just after it.
     *
     * @throws SerializationException if the input is not a snapshot, has an unknown format version,
     *     is truncated or corrupt, or holds a class that cannot be loaded or has changed shape
     */
    public static RestoredOperatorState read(ByteInput in, ValueCodec codec) {
        Objects.requireNonNull(codec, "codec");
        return new RestoredOperatorState(List.of(ImageReader.read(SnapshotFormat.unframe(in), codec)), false);
    }

    /**
     * The state of all old subtasks of one operator, for restoring at any parallelism.
     *
     * @param parts the state of every old subtask, in subtask order (each from {@link #read})
     * @throws IllegalArgumentException if there are no parts, or they belong to different operators
     */
    public static RestoredOperatorState merge(List<RestoredOperatorState> parts) {
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("merging operator state needs the state of at least one subtask");
        }
        List<StateImage> images = new ArrayList<>();
        for (RestoredOperatorState part : parts) {
            images.addAll(part.parts);
        }
        String operator = images.get(0).operator();
        for (StateImage image : images) {
            if (!image.operator().equals(operator)) {
                throw new IllegalArgumentException("cannot merge the state of operator '" + operator
                        + "' with that of operator '" + image.operator() + "'; merge the snapshots of one operator");
            }
        }
        return new RestoredOperatorState(List.copyOf(images), true);
    }

    /**
     * Puts this subtask's share of the state into its backends (see the class comment for what the
     * share is).
     *
     * @param keyedOrNull the keyed state, or null for an operator without keys
     * @param timersOrNull the timers, or null for an operator without them
     * @param maxParallelism the number of key groups, as the job's partitioners use it
     * @param subtask the index of the subtask being restored
     * @param parallelism the operator's parallelism now
     * @throws IllegalStateException if the state does not fit: keyed state or timers for an
     *     operator without them, a restored state whose kind or types differ from one the operator
     *     already has, or a key this subtask does not own in a single subtask's state
     */
    public void restoreInto(KeyedStateBackend keyedOrNull, OperatorStateBackend operatorState,
            KeyedTimerService timersOrNull, int maxParallelism, int subtask, int parallelism) {
        Objects.requireNonNull(operatorState, "operator state");
        KeyOwnership ownership = new KeyOwnership(maxParallelism, subtask, parallelism);
        // The subtask's own old state, when there is one: the parallelism did not change.
        StateImage own = !allSubtasks ? parts.get(0) : parts.size() == parallelism ? parts.get(subtask) : null;
        SubtaskRestore restore = new SubtaskRestore(operator(), ownership, !allSubtasks);
        restore.keyedState(parts, keyedOrNull);
        restore.timers(parts, timersOrNull, own);
        if (own != null) {
            restore.listsAsTheyWere(own, operatorState);
        } else {
            restore.listsRoundRobin(parts, operatorState);
        }
    }

    /** The name of the operator the state was taken from. */
    public String operator() {
        return parts.get(0).operator();
    }

    /** How many old subtasks' snapshots this state is made of. */
    public int subtasks() {
        return parts.size();
    }
}
