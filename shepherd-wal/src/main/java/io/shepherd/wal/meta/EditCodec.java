package io.shepherd.wal.meta;

/**
 * Turns edits into the bytes logged for them and back. {@code decode(encode(e))} must equal {@code e}
 * as far as {@link StateMachine#apply} can tell.
 *
 * @param <E> the edit type
 */
public interface EditCodec<E> {

    byte[] encode(E edit);

    E decode(byte[] bytes);
}
