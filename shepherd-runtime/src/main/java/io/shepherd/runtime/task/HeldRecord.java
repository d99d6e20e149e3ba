package io.shepherd.runtime.task;

import io.shepherd.api.ack.Anchoring;
import io.shepherd.runtime.ack.AnchoredInput;

/** An input record a process function holds unacknowledged (ack mode), until it releases or fails it once. */
final class HeldRecord implements Anchoring.Held {
    private final AnchoredInput input;
    /** The owner whose init releasing it sends (its init was left to this task); else -1. */
    private final int initOwner;
    private boolean closed;
    /** Output anchored to it failed further down the task's chain: releasing it fails it. */
    private boolean failed;

    HeldRecord(AnchoredInput input, int initOwner) {
        this.input = input;
        this.initOwner = initOwner;
    }

    int initOwner() {
        return initOwner;
    }

    AnchoredInput input() {
        return input;
    }

    void markFailed() {
        failed = true;
    }

    boolean hasFailed() {
        return failed;
    }

    boolean isClosed() {
        return closed;
    }

    /** Marks it released or failed, and returns the record to ack or fail. */
    AnchoredInput close() {
        closed = true;
        return input;
    }

    @Override
    public String toString() {
        return "held record " + input.anchors() + (closed ? " (closed)" : "");
    }
}
