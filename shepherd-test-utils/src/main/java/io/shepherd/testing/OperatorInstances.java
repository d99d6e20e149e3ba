package io.shepherd.testing;

import io.shepherd.runtime.operators.KeyedOperator;
import io.shepherd.runtime.operators.OperatorContext;
import io.shepherd.runtime.operators.OperatorFactory;
import io.shepherd.runtime.operators.Output;
import io.shepherd.runtime.operators.StreamOperator;

/**
 * Makes the instances of the operator under test: the first one, and a successor whenever the
 * harness restarts it. Every instance runs a fresh copy of the shipped function on the same
 * operator context, so keyed and operator state, counters and the error policy carry over while
 * the function's own fields start again from their shipped values.
 */
final class OperatorInstances {
    private final ShippedOperation shipped;
    private final OperatorContext context;
    private final OperatorFactory factory;
    private final Output output;

    OperatorInstances(ShippedOperation shipped, OperatorContext context, Output output) {
        this.shipped = shipped;
        this.context = context;
        this.factory = new OperatorFactory(shipped.watermarkIntervalMs());
        this.output = output;
    }

    /** A new instance, opened and emitting to the harness's output. */
    StreamOperator openNew() {
        StreamOperator created = factory.create(shipped.newCopy(), context);
        created.setOutput(output);
        try {
            created.open();
        } catch (Exception e) {
            throw new IllegalStateException("opening operator '" + shipped.name() + "' failed: " + e, e);
        }
        return created;
    }

    /**
     * Closes {@code old} and returns its successor, caught up with it: it has seen {@code watermark}
     * (unless none was given yet) and holds the old instance's timers.
     */
    StreamOperator replace(StreamOperator old, long watermark) throws Exception {
        TimerHandover timers = old instanceof KeyedOperator keyed ? TimerHandover.takeFrom(keyed.timerService()) : null;
        old.close();
        StreamOperator next = openNew();
        // The successor catches up with the watermark before it has timers, so that replaying the
        // watermark fires nothing; what it emits meanwhile the old instance emitted already.
        next.setOutput(RecordingOutput.DISCARD);
        if (watermark != Long.MIN_VALUE) {
            next.processWatermark(watermark);
        }
        if (timers != null) {
            timers.giveTo(((KeyedOperator) next).timerService(), context.keyedState());
        }
        next.setOutput(output);
        return next;
    }
}
