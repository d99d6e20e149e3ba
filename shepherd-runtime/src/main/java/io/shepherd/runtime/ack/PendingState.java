package io.shepherd.runtime.ack;

/**
 * The state of one pending record in a source subtask's {@link PendingRoots}. A record stops being pending
 * when its root completes.
 *
 * <pre>
 *  emit --> IN_FLIGHT --COMPLETED--> (gone; the committed position may move)
 *  IN_FLIGHT --nothing heard for the backstop--> PROBING --ALIVE--> IN_FLIGHT
 *  IN_FLIGHT, PROBING --FAILED, TIMED_OUT, UNKNOWN--> AWAITING_REPLAY --replay, fresh root--> IN_FLIGHT
 *  PROBING --no answer within the probe retry--> PROBING (probes again)
 * </pre>
 */
public enum PendingState {
    /** Emitted under its current root; the source waits for a verdict. */
    IN_FLIGHT,
    /** Nothing was heard of the root for the backstop time; a probe went to its acker. */
    PROBING,
    /** Its root failed, timed out or was unknown to its acker; it waits to be emitted again. */
    AWAITING_REPLAY
}
