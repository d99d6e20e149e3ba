package io.shepherd.runtime.operators;

import io.shepherd.api.ack.Anchoring;
import io.shepherd.api.functions.Collector;

/** A process operator's {@link Anchoring}: through its task in ack mode, plain emitting otherwise. */
final class OperatorAnchoring implements Anchoring<Object> {
    /** What {@link #hold} gives outside ack mode, or for a record that is not tracked. */
    private static final Held UNTRACKED = new Held() {};

    private final Collector<Object> out;
    private final OperatorContext context;

    OperatorAnchoring(Collector<Object> out, OperatorContext context) {
        this.out = out;
        this.context = context;
    }

    @Override
    public boolean isEnabled() {
        return context.ackControl() != null;
    }

    @Override
    public Held hold() {
        AckControl control = context.ackControl();
        Held held = control == null ? null : control.hold();
        return held == null ? UNTRACKED : held;
    }

    @Override
    public void collect(Object record, Held... held) {
        AckControl control = context.ackControl();
        if (control == null) {
            out.collect(record);
            return;
        }
        control.anchorTo(tracked(held));
        try {
            out.collect(record);
        } finally {
            control.clearExplicitAnchors();
        }
    }

    @Override
    public void release(Held held) {
        AckControl control = context.ackControl();
        if (control != null && held != UNTRACKED) {
            control.release(held);
        }
    }

    @Override
    public void fail(Held held) {
        AckControl control = context.ackControl();
        if (control != null && held != UNTRACKED) {
            control.fail(held);
        }
    }

    private static Held[] tracked(Held[] held) {
        int untracked = 0;
        for (Held h : held) {
            if (h == UNTRACKED) {
                untracked++;
            }
        }
        if (untracked == 0) {
            return held;
        }
        Held[] kept = new Held[held.length - untracked];
        int i = 0;
        for (Held h : held) {
            if (h != UNTRACKED) {
                kept[i++] = h;
            }
        }
        return kept;
    }
}
