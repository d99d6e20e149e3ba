package io.shepherd.runtime.job;

import io.shepherd.api.functions.FunctionContext;
import io.shepherd.api.sink.Sink;
import io.shepherd.api.sink.SinkWriter;
import io.shepherd.runtime.testing.Shared;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A sink that writes a record only when the test hands it a permit: as slow as the test wants,
 * so the job upstream of it is back-pressured for as long as the test looks.
 */
final class GatedSink implements Sink<Long> {
    private final Shared<State> state = Shared.of(new State());

    /** What the test controls and reads. */
    static final class State {
        final Semaphore permits = new Semaphore(0);
        final Queue<Long> written = new ConcurrentLinkedQueue<>();
        final AtomicLong count = new AtomicLong();
    }

    State state() {
        return state.get();
    }

    void release() {
        state.release();
    }

    @Override
    public SinkWriter<Long> createWriter(FunctionContext context) {
        State shared = state.get();
        return record -> {
            shared.permits.acquire();
            shared.written.add(record);
            shared.count.incrementAndGet();
        };
    }
}
