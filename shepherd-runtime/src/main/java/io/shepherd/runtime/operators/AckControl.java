package io.shepherd.runtime.operators;

import io.shepherd.api.ack.Anchoring;

/** What an operator may ask of its task in ack mode beyond failing records: explicit anchoring. */
public interface AckControl extends RecordFailures {

    /** Holds the record being processed unacknowledged; null when no tracked record is being processed. */
    Anchoring.Held hold();

    /** Records emitted until {@link #clearExplicitAnchors} are anchored to {@code held} too. */
    void anchorTo(Anchoring.Held[] held);

    void clearExplicitAnchors();

    void release(Anchoring.Held held);

    void fail(Anchoring.Held held);
}
