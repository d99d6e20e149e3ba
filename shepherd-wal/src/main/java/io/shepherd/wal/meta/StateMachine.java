package io.shepherd.wal.meta;

/**
 * The in-memory state a {@link MetadataStore} keeps durable: it changes only by {@link #apply} of edits,
 * and can be written to and rebuilt from an image.
 *
 * <p>Contract: {@link #apply} is deterministic (the same edits in the same order from the same image give
 * the same state, because recovery replays them) and either applies the edit fully or throws without
 * changing anything (a rejected edit is not logged). The store calls every method under its lock, one at
 * a time.
 *
 * @param <E> the edit type
 */
public interface StateMachine<E> {

    /** Applies one edit, or throws (changing nothing) to reject it. */
    void apply(E edit);

    /** The whole state as bytes, for an image. */
    byte[] writeImage();

    /** Replaces the state with the one in {@code image}; called at most once, on an empty machine, at recovery. */
    void loadImage(byte[] image);
}
