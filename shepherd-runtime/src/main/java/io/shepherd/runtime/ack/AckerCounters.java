package io.shepherd.runtime.ack;

/**
 * Counters of one acker, as plain fields: written only by the thread running the acker, read by others for
 * metrics, where a slightly stale value is fine.
 */
public final class AckerCounters {
    /** Ledgers open now, in any state. */
    public long ledgers;
    public long completed;
    public long failed;
    public long timedOut;
    /** Ledgers closed without an init: acks of roots already closed, or of roots whose init was lost. */
    public long expiredWithoutInit;
    /** Inits for a root already pending, ignored (an init delivered twice would cancel its own edges). */
    public long duplicateInits;
    public long probesAnswered;
}
