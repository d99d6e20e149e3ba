package io.shepherd.runtime.channel;

/**
 * The receiving end of a channel. Only one thread receives; {@link #poll} returns null when empty.
 * Events sent ahead ({@link OutputChannel#offerPriority}) come out before queued elements.
 */
public interface InputChannel {
    Object poll();

    /** Whether an element is waiting, without taking it. */
    boolean isEmpty();

    /** Takes the next event sent ahead, leaving queued elements alone; null when there is none. */
    Object pollAhead();

    /** The next element in order (never one sent ahead), without taking it; null when none is queued. */
    Object peekQueued();

    /** Takes the next element in order, leaving any sent ahead for {@link #poll}; null when none is queued. */
    Object pollQueued();
}
