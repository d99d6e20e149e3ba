package io.shepherd.testkit.sim;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * The named invariants of one simulation, and when they are checked.
 *
 * <p>By default every invariant is checked after every event, which finds a violation at the event
 * that caused it, where the trace is most useful. A test whose invariants are expensive may check
 * every {@code n} events instead, or only where it calls {@link #checkNow()} (with
 * {@code checkEvery(0)}). Invariants are checked in the order they were added; the first that fails
 * ends the run with an {@link InvariantViolation}.
 */
public final class Invariants {

    private record Named(String name, Invariant invariant) {}

    private final SimScheduler scheduler;
    private final List<Named> invariants = new ArrayList<>();
    private final Set<String> names = new LinkedHashSet<>();
    private int checkEvery = 1;
    private long checks;

    Invariants(SimScheduler scheduler) {
        this.scheduler = scheduler;
    }

    /** Adds an invariant that can only say whether it holds; its name has to say the rest. */
    public Invariants add(String name, BooleanSupplier holds) {
        return addDescribed(name, () -> holds.getAsBoolean() ? null : "does not hold");
    }

    /** Adds an invariant that says what is wrong when it does not hold. */
    public Invariants addDescribed(String name, Invariant invariant) {
        if (!names.add(name)) {
            throw new IllegalArgumentException("an invariant named '" + name + "' is already registered");
        }
        invariants.add(new Named(name, invariant));
        return this;
    }

    /**
     * Checks after every {@code events} events; zero checks only when {@link #checkNow()} is called.
     */
    public Invariants checkEvery(int events) {
        if (events < 0) {
            throw new IllegalArgumentException("checkEvery must be >= 0, got " + events);
        }
        this.checkEvery = events;
        return this;
    }

    /** The names of the registered invariants, in the order they are checked. */
    public List<String> names() {
        return List.copyOf(names);
    }

    /** How many times the invariants have been checked, as a whole. */
    public long checks() {
        return checks;
    }

    /**
     * Checks every invariant now.
     *
     * @throws InvariantViolation naming the first invariant that does not hold
     * @throws SimulationFailure if an invariant's own code throws
     */
    public void checkNow() {
        checks++;
        for (Named named : invariants) {
            String violation;
            try {
                violation = named.invariant().violation();
            } catch (RuntimeException e) {
                throw scheduler.failure("invariant '" + named.name() + "' threw while being checked", null, e);
            }
            if (violation != null) {
                throw scheduler.violation(named.name(), violation);
            }
        }
    }

    void afterEvent(long eventIndex) {
        if (checkEvery > 0 && eventIndex % checkEvery == 0) {
            checkNow();
        }
    }
}
