package io.shepherd.runtime.ack.sim;

/**
 * Deliberately broken variants of the protocol's glue, each of which the simulation must catch: a harness
 * that cannot fail proves nothing.
 */
enum Flaw {
    NONE,
    /**
     * The acker applies a second init of a pending root like an ack, as a ledger that forgot to ignore
     * duplicate inits would: the init's first edges cancel while their records are still in flight.
     */
    ACKER_APPLIES_DUPLICATE_INITS,
    /** The sink acks a record when it arrives and writes it a little later, instead of acking once written. */
    SINK_ACKS_BEFORE_WRITING
}
