package io.shepherd.bench.checkpoint;

import io.shepherd.api.functions.FunctionContext;
import io.shepherd.api.sink.Sink;
import io.shepherd.api.sink.SinkWriter;
import java.util.concurrent.locks.LockSupport;

/**
 * Drops records at no more than a fixed rate per subtask, like a target that accepts only so many
 * writes per second: everything upstream fills its channels and is back-pressured. The writer parks
 * its thread when ahead of the rate, so give the job a worker thread per task, or it stalls the
 * tasks that share its worker too.
 */
final class RateLimitedSink<T> implements Sink<T> {
    /** Records between two looks at the clock: the rate holds over a few milliseconds, not per record. */
    private static final int CHECK_EVERY = 64;

    private final double recordsPerSecond;

    RateLimitedSink(double recordsPerSecond) {
        if (!(recordsPerSecond > 0)) {
            throw new IllegalArgumentException("sink rate must be > 0 records/s, got " + recordsPerSecond);
        }
        this.recordsPerSecond = recordsPerSecond;
    }

    @Override
    public SinkWriter<T> createWriter(FunctionContext context) {
        double nanosPerRecord = 1e9 / recordsPerSecond;
        return new SinkWriter<>() {
            private long startNanos;
            private long written;

            @Override
            public void write(T record) {
                if (written == 0) {
                    startNanos = System.nanoTime();
                }
                if (++written % CHECK_EVERY == 0) {
                    long due = startNanos + (long) (written * nanosPerRecord);
                    long ahead = due - System.nanoTime();
                    if (ahead > 0) {
                        LockSupport.parkNanos(ahead);
                    }
                }
            }
        };
    }
}
