package io.shepherd.runtime.ack;

/** The messages an acker sends to the source subtask that owns a root, carried in a {@link VerdictBatch}. */
public enum VerdictKind {
    /** Every edge of the root's tree has been acked: the source may forget the root and commit past it. */
    COMPLETED,
    /** An operator failed a record of the tree: replay the root. */
    FAILED,
    /** No ack for the root reached the acker for the tree timeout: replay the root. */
    TIMED_OUT,
    /** Answer to a probe: the acker holds the root's ledger, initialized, so the tree is still alive. */
    ALIVE,
    /**
     * Answer to a probe: the acker holds no initialized ledger for the root (its init was lost, or the acker
     * restarted since, or the verdict already went out and was lost): replay the root.
     */
    UNKNOWN
}
