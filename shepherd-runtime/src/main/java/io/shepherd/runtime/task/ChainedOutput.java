package io.shepherd.runtime.task;

import io.shepherd.runtime.operators.Output;
import io.shepherd.runtime.operators.StreamOperator;

/** Hands records to the next operator of the chain by a plain method call. */
final class ChainedOutput implements Output {
    private final StreamOperator next;

    ChainedOutput(StreamOperator next) {
        this.next = next;
    }

    @Override
    public void emit(Object record, long timestamp) {
        next.processElement(record, timestamp);
    }

    @Override
    public void emitWatermark(long watermark) {
        next.processWatermark(watermark);
    }
}
