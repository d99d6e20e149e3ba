package io.shepherd.cli.demo;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * Objects of one demo run that its tasks must reach. Functions, sources and sinks are deserialized
 * copies, one per subtask, so they cannot hold such an object themselves: they carry its id and look
 * it up here when they open, like {@code CollectSink}'s results. That limits the demo to the embedded
 * engine. Thread-safe.
 */
final class Registry<T> {
    private final String kind;
    private final ConcurrentHashMap<String, T> open = new ConcurrentHashMap<>();
    private final AtomicLong nextId = new AtomicLong();

    /** @param kind what the objects are, for ids and error messages ("leg ledger") */
    Registry(String kind) {
        this.kind = kind;
    }

    /** Creates an object under a new id and registers it until {@link #remove}. */
    T register(Function<String, T> create) {
        String id = kind.replace(' ', '-') + "-" + nextId.incrementAndGet();
        T value = create.apply(id);
        open.put(id, value);
        return value;
    }

    T lookup(String id) {
        T value = open.get(id);
        if (value == null) {
            throw new IllegalStateException("no open " + kind + " '" + id + "' in this JVM: the demo's tasks find it "
                    + "in memory, so the demo runs only on the embedded engine, while its run is open");
        }
        return value;
    }

    void remove(String id) {
        open.remove(id);
    }
}
