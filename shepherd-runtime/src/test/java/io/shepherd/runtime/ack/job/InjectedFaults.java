package io.shepherd.runtime.ack.job;

import io.shepherd.runtime.testing.Shared;
import java.io.Serializable;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Failures a test plants in a running job, each striking once: a stage throws on a chosen record the first
 * time it sees it, or swallows it (holds it without ever releasing it: a record lost in flight). The
 * replay of the same record then passes, so a run ends with every record processed.
 */
final class InjectedFaults {
    private final Map<String, Set<Long>> throwOnce = new ConcurrentHashMap<>();
    private final Set<Long> dropOnce = ConcurrentHashMap.newKeySet();
    final AtomicInteger thrown = new AtomicInteger();
    final AtomicInteger dropped = new AtomicInteger();

    void throwOnce(String stage, long value) {
        throwOnce.computeIfAbsent(stage, s -> ConcurrentHashMap.newKeySet()).add(value);
    }

    void dropOnce(long value) {
        dropOnce.add(value);
    }

    /** A handle functions capture; they are copied per subtask, the faults stay in the test. */
    static Handle share(InjectedFaults faults) {
        return new Handle(Shared.of(faults));
    }

    record Handle(Shared<InjectedFaults> shared) implements Serializable {
        /** Throws if {@code value} was planted in {@code stage} and has not struck yet. */
        void strike(String stage, long value) {
            Set<Long> planted = shared.get().throwOnce.get(stage);
            if (planted != null && planted.remove(value)) {
                shared.get().thrown.incrementAndGet();
                throw new IllegalStateException("injected failure in " + stage + " on " + value);
            }
        }

        /** True (once) if {@code value} is to be swallowed. */
        boolean swallow(long value) {
            boolean drop = shared.get().dropOnce.remove(value);
            if (drop) {
                shared.get().dropped.incrementAndGet();
            }
            return drop;
        }

        void release() {
            shared.release();
        }
    }
}
