package io.shepherd.cli.demo;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;

/**
 * Injects a run's planned failures inside its tasks, each exactly once, and with checkpoints each only
 * after the one before was recovered from: failure <i>k</i>+1 is armed once the job reports <i>k</i>
 * recoveries, and the engine reports a recovery when the restored job first makes progress. So two
 * failures never fall into one restart, and the job's recoveries equal the failures injected. In ack mode
 * every failure strikes one record's tree and the others go on, so all are armed at once.
 *
 * <p>Every task calls {@link #check} (and a task that can drop records, {@link #drops}) once per record
 * with its {@link FailureSite} and the record's transfer id; the cost when nothing is due is one volatile
 * read and a comparison. Tasks are
 * deserialized copies, so they find their run's injector in a process-wide {@link Registry} by
 * the id they carry. Thread-safe.
 */
public final class FailureInjector implements AutoCloseable {
    private static final Registry<FailureInjector> OPEN = new Registry<>("failure injector");

    private final String id;
    private final List<FailurePoint> plan;
    private final AtomicInteger injected = new AtomicInteger();
    private final List<Injection> injections = new CopyOnWriteArrayList<>();
    private volatile IntSupplier recoveries = () -> 0;

    /**
     * A failure that was thrown.
     *
     * @param point the planned failure
     * @param txId the transfer whose record it was thrown at
     */
    public record Injection(FailurePoint point, long txId) {}

    private FailureInjector(String id, List<FailurePoint> plan) {
        this.id = id;
        this.plan = List.copyOf(plan);
    }

    /** An injector for {@code plan}, in order, registered until {@link #close}; an empty plan injects nothing. */
    public static FailureInjector open(List<FailurePoint> plan) {
        return OPEN.register(id -> new FailureInjector(id, plan));
    }

    /** The open injector with this id; a task's way back to it. */
    public static FailureInjector lookup(String id) {
        return OPEN.lookup(id);
    }

    public String id() {
        return id;
    }

    /**
     * Where the job's recoveries so far are read: each one arms the next failure. Until then none is counted.
     * Read on the tasks' threads while a failure is due, so it must be cheap.
     */
    public void follow(IntSupplier recoveriesSoFar) {
        this.recoveries = recoveriesSoFar;
    }

    /** Arms every planned failure now: for failures that do not end each other's recovery. */
    public void armAll() {
        this.recoveries = () -> Integer.MAX_VALUE;
    }

    /**
     * Throws {@link InjectedFailure} if the next planned failure is an exception due here: at this site, at or
     * after its transfer, and after the previous failure was recovered from.
     */
    public void check(FailureSite site, long txId) {
        FailurePoint due = take(site, FailureKind.THROW, txId);
        if (due != null) {
            throw new InjectedFailure(due, plan.size(), txId);
        }
    }

    /**
     * Whether the record should vanish here: the next planned failure is a drop due at this site, as
     * {@link #check} decides for exceptions. The caller then neither processes nor acknowledges the record.
     */
    public boolean drops(FailureSite site, long txId) {
        return take(site, FailureKind.DROP, txId) != null;
    }

    /** The next planned failure if it is of this kind and due here, counted as injected; else null. */
    private FailurePoint take(FailureSite site, FailureKind kind, long txId) {
        int next = injected.get();
        if (next == plan.size()) {
            return null;
        }
        FailurePoint point = plan.get(next);
        if (point.site() == site && point.kind() == kind && txId >= point.fromTx()
                && recoveries.getAsInt() >= next && injected.compareAndSet(next, next + 1)) {
            injections.add(new Injection(point, txId));
            return point;
        }
        return null;
    }

    /** How many failures the plan holds. */
    public int planned() {
        return plan.size();
    }

    /** The failures thrown so far, in order. */
    public List<Injection> injections() {
        return List.copyOf(injections);
    }

    @Override
    public void close() {
        OPEN.remove(id);
    }
}
