package io.shepherd.cli.bench;

import io.shepherd.api.functions.FunctionContext;
import io.shepherd.api.sink.Sink;
import io.shepherd.api.sink.SinkWriter;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Drops every record, and notes when the last record reached a sink: a bounded job with checkpoints
 * keeps running after that until a checkpoint covers the end of its input (up to one interval), and
 * that wait is not throughput. Writers note the time at the first flush after a record (flushes come
 * at the end of the input and before each checkpoint), so the per-record path stays a counter.
 * Jobs of one JVM share the clock: {@link #reset} before each run.
 */
final class InputEndSink<T> implements Sink<T> {
    private static final AtomicLong LAST_RECORD_NANOS = new AtomicLong();

    static void reset() {
        LAST_RECORD_NANOS.set(0);
    }

    /** {@link System#nanoTime} when the last record of any subtask arrived, to within one flush. */
    static long lastRecordNanos() {
        return LAST_RECORD_NANOS.get();
    }

    @Override
    public SinkWriter<T> createWriter(FunctionContext context) {
        return new SinkWriter<>() {
            private long written;
            private long flushedAt;

            @Override
            public void write(T record) {
                written++;
            }

            @Override
            public void flush() {
                if (written != flushedAt) {
                    flushedAt = written;
                    LAST_RECORD_NANOS.accumulateAndGet(System.nanoTime(), Math::max);
                }
            }
        };
    }
}
