package io.shepherd.runtime.task;

import io.shepherd.runtime.operators.Output;

/**
 * Ack mode, behind a keyed operator: what it emits while processing an input is anchored to that input as
 * usual; what it emits from its own state, with no input (a window firing, a timer), becomes a record this
 * task owns under a fresh root, kept until its tree completes and emitted again if the tree fails.
 */
final class OwnedOutput implements Output {
    private final Output next;
    private final OwnedRoots roots;
    private final TaskAcking acking;

    OwnedOutput(Output next, OwnedRoots roots, TaskAcking acking) {
        this.next = next;
        this.roots = roots;
        this.acking = acking;
        roots.setTarget(next);
    }

    @Override
    public void emit(Object record, long timestamp) {
        if (acking.inRecord()) {
            next.emit(record, timestamp);
        } else {
            roots.emit(record, timestamp, acking);
        }
    }

    @Override
    public void emitWatermark(long watermark) {
        next.emitWatermark(watermark);
    }
}
