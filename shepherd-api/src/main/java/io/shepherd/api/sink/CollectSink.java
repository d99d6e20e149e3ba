package io.shepherd.api.sink;

import io.shepherd.api.functions.FunctionContext;
import java.util.List;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Collects every record in memory, for tests and small local jobs. Writers are copies of the sink
 * (one per subtask), so records are gathered in a process-wide registry under the sink's id;
 * {@link #results()} reads them and {@link #clear()} frees them. Only for jobs run in this JVM.
 */
public final class CollectSink<T> implements Sink<T> {
    private static final ConcurrentHashMap<String, Queue<Object>> RESULTS = new ConcurrentHashMap<>();

    private final String id = UUID.randomUUID().toString();

    public CollectSink() {
        RESULTS.put(id, new ConcurrentLinkedQueue<>());
    }

    @Override
    public SinkWriter<T> createWriter(FunctionContext context) {
        Queue<Object> results = queue();
        return results::add;
    }

    /** Everything written so far, in the order writers added it (interleaved across subtasks). */
    @SuppressWarnings("unchecked")
    public List<T> results() {
        return (List<T>) List.copyOf(queue());
    }

    /** Forgets the collected records. */
    public void clear() {
        RESULTS.remove(id);
    }

    private Queue<Object> queue() {
        Queue<Object> queue = RESULTS.get(id);
        if (queue == null) {
            throw new IllegalStateException("this collect sink was cleared; create a new one per job");
        }
        return queue;
    }
}
