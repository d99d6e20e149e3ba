package io.shepherd.runtime.testing;

import java.util.Collection;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.function.BooleanSupplier;

/**
 * Failures to inject into a job, each once: the first record at or past a failure's threshold
 * throws, but only once the job is {@code armed} (e.g. has committed output, so a checkpoint
 * completed and the restore has something to restore). Thread-safe; share it with {@link Shared}.
 */
public final class InjectedFailures {
    private final ConcurrentSkipListSet<Long> thresholds;

    public InjectedFailures(Collection<Long> thresholds) {
        this.thresholds = new ConcurrentSkipListSet<>(thresholds);
    }

    /** Throws if {@code record} reaches the next failure and the job is armed. */
    public void check(long record, BooleanSupplier armed) {
        Long next = thresholds.isEmpty() ? null : thresholds.first();
        if (next != null && record >= next && armed.getAsBoolean() && thresholds.remove(next)) {
            throw new IllegalStateException("injected failure at record " + record);
        }
    }

    /** Failures not injected yet. */
    public int remaining() {
        return thresholds.size();
    }
}
