package io.shepherd.runtime.ack;

/** The messages an acker receives, carried in an {@link AckBatch}. */
public enum AckKind {
    /** From a source: a new root, the xor of its first edges, and the source subtask that owns it. */
    INIT,
    /** From an operator done with an input: its edge xor its children's edges, and the operator's id. */
    ACK,
    /** From an operator that could not process an input: the root fails at once. */
    FAIL,
    /** From a source that has heard nothing of a root for a while: does the acker still track it? */
    PROBE
}
