package io.shepherd.runtime.operators;

/** Where an operator's output goes: the next operator of its chain, or the task's channel writers. */
public interface Output {
    /** @param timestamp the record's event time, or {@link StreamOperator#NO_TIMESTAMP} */
    void emit(Object record, long timestamp);

    void emitWatermark(long watermark);
}
