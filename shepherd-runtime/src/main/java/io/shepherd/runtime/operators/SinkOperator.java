package io.shepherd.runtime.operators;

import io.shepherd.api.sink.Sink;
import io.shepherd.api.sink.SinkWriter;

/** Hands records to the user's sink writer; flushes it when the input ends. */
final class SinkOperator extends StreamOperator {
    private final Sink<Object> sink;
    private SinkWriter<Object> writer;

    @SuppressWarnings("unchecked")
    SinkOperator(OperatorContext context, Sink<?> sink) {
        super(context);
        this.sink = (Sink<Object>) sink;
    }

    @Override
    public void open() throws Exception {
        writer = sink.createWriter(context);
    }

    @Override
    public void processElement(Object record, long timestamp) {
        context.counters().recordsIn++;
        try {
            writer.write(record);
        } catch (Exception e) {
            recordFailed(record, timestamp, e);
        }
    }

    @Override
    public void processWatermark(long watermark) {}

    @Override
    public void finish() throws Exception {
        writer.flush();
    }

    @Override
    public void close() throws Exception {
        if (writer != null) {
            writer.close();
        }
    }
}
