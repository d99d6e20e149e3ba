package io.shepherd.runtime.ack;

/**
 * The state of one root's ledger in an acker. A root with no ledger has none of these: either the acker
 * has heard nothing of it, or its ledger was closed (completed, failed, timed out or expired).
 *
 * <pre>
 *  (none) --init--> PENDING --ack, xor reaches 0--> closed: COMPLETED to the owner
 *  (none) --ack---> AWAITING_INIT --init--> PENDING (closed at once if the xor is already 0)
 *  (none), AWAITING_INIT --fail--> FAILED_BEFORE_INIT --init--> closed: FAILED to the owner
 *  PENDING --fail--> closed: FAILED to the owner
 *  PENDING --no ack for the tree timeout--> closed: TIMED_OUT to the owner
 *  AWAITING_INIT, FAILED_BEFORE_INIT --no message for the tree timeout--> closed silently (expired)
 * </pre>
 */
public enum LedgerState {
    /** The init arrived: the ledger completes when its xor reaches zero. */
    PENDING,
    /**
     * Acks arrived before the init (they took a faster path), or after the root was closed (late acks of a
     * failed or timed-out tree). The xor collects them; the owner is not known yet.
     */
    AWAITING_INIT,
    /** A fail arrived before the init: the root fails as soon as the init says whom to tell. */
    FAILED_BEFORE_INIT
}
