package io.shepherd.testkit.sim;

import io.shepherd.common.Clock;
import io.shepherd.testkit.time.SimClock;
import io.shepherd.testkit.time.SimTime;
import java.util.SplittableRandom;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * A seeded discrete-event scheduler: the one place a simulation's time, order and randomness come from.
 *
 * <p><b>Contract.</b> Events are actions due at simulated instants. They run one at a time, on the
 * calling thread, in order of due time; events due at the same instant run in an order drawn from the
 * seed. The clock jumps to each event's instant as it runs and never moves otherwise. All randomness
 * comes from {@link #random(String)}, so the same seed and the same test code give the same execution,
 * event for event and nanosecond for nanosecond; {@link #fingerprint()} summarises an execution so
 * that tests can check this.
 *
 * <p><b>Driving.</b> {@link #step()} runs one event; {@link #runUntilQuiescent()} runs until nothing is
 * pending; {@link #runUntilTime(long)} runs what is due up to an instant and stops the clock there;
 * {@link #runUntil(String, BooleanSupplier)} runs until a named condition holds. An event's action may
 * schedule and cancel events, including at the present instant (those run after it, never during it).
 *
 * <p><b>Limits and failures.</b> Every run is bounded by {@link SimLimits}. Crossing a limit, an
 * invariant that does not hold (see {@link #invariants()}) or an action that throws ends the run with
 * a {@link SimulationFailure} whose message carries the seed, the simulated time, the context registered
 * with {@link #describeOnFailure} and the last events of the {@link #trace()}.
 *
 * <p>Not thread-safe: actions must not hand work to other threads, or the run is no longer determined
 * by the seed.
 */
public final class SimScheduler {

    private final long seed;
    private final SimLimits limits;
    private final SimClock clock = new SimClock();
    private final EventQueue queue;
    private final EventTrace trace;
    private final Invariants invariants = new Invariants(this);
    private final FailureReport report = new FailureReport();
    private long eventsRun;
    private long eventsThisInstant;
    private long fingerprint;
    private boolean running;

    /** A scheduler at simulated time zero with {@link SimLimits#DEFAULT}. */
    public SimScheduler(long seed) {
        this(seed, SimLimits.DEFAULT);
    }

    public SimScheduler(long seed, SimLimits limits) {
        this.seed = seed;
        this.limits = limits;
        this.queue = new EventQueue(random("scheduler tie-breaks"));
        this.trace = new EventTrace(limits.traceCapacity());
    }

    public long seed() {
        return seed;
    }

    public SimLimits limits() {
        return limits;
    }

    /** The simulated clock, read-only: hand it to the code under test. */
    public Clock clock() {
        return clock;
    }

    /** The present simulated time in nanoseconds; the same as {@code clock().nanoTime()}. */
    public long nowNs() {
        return clock.nanoTime();
    }

    /**
     * A random stream for one purpose, derived from the seed and the purpose's name (see
     * {@link Seeds}). Each call returns a fresh stream at its start, so ask once per purpose and keep
     * it; give distinct purposes distinct names.
     */
    public SplittableRandom random(String purpose) {
        return new SplittableRandom(Seeds.derive(seed, purpose));
    }

    /**
     * Schedules {@code action} to run {@code delayNs} from now.
     *
     * @param label what the event is, as the trace should show it; see {@link TraceEntry} on why it is
     *     printed lazily and should be immutable
     * @throws SimulationLimitExceeded if {@link SimLimits#maxPendingEvents()} events are already pending
     */
    public Timer schedule(long delayNs, Object label, Runnable action) {
        if (delayNs < 0) {
            throw new IllegalArgumentException("negative delay " + delayNs + "ns for '" + label + "'");
        }
        return scheduleAt(Math.addExact(nowNs(), delayNs), label, action);
    }

    /** Schedules {@code action} at the simulated instant {@code dueNs}, which must not be in the past. */
    public Timer scheduleAt(long dueNs, Object label, Runnable action) {
        if (dueNs < nowNs()) {
            throw new IllegalArgumentException("cannot schedule '" + label + "' in the past: now "
                    + SimTime.format(nowNs()) + ", asked for " + SimTime.format(dueNs));
        }
        if (queue.live() >= limits.maxPendingEvents()) {
            throw limitExceeded("maxPendingEvents", limits.maxPendingEvents(),
                    "too many events are pending at once; a message storm is the usual cause. Scheduling: " + label);
        }
        return queue.add(dueNs, label, action);
    }

    /**
     * Runs the next event, if any.
     *
     * @return false when nothing was pending
     */
    public boolean step() {
        if (running) {
            // A nested run would interleave one event's action with others: no real system does that.
            throw new IllegalStateException("the scheduler was driven from inside an event's action");
        }
        Event next = queue.peek();
        if (next == null) {
            return false;
        }
        checkLimitsBefore(next);
        run(queue.poll());
        return true;
    }

    /** Runs events until none is pending. */
    public void runUntilQuiescent() {
        while (step()) {
            // each step checks the limits, so this loop ends
        }
    }

    /** Runs every event due at or before {@code timeNs}, then moves the clock to {@code timeNs}. */
    public void runUntilTime(long timeNs) {
        if (timeNs < nowNs() || timeNs > limits.maxTimeNs()) {
            throw new IllegalArgumentException("cannot run until " + SimTime.format(timeNs) + ": now "
                    + SimTime.format(nowNs()) + ", limit " + SimTime.format(limits.maxTimeNs()));
        }
        for (Event next = queue.peek(); next != null && next.dueNs <= timeNs; next = queue.peek()) {
            step();
        }
        if (timeNs > nowNs()) {
            clock.advanceTo(timeNs);
            eventsThisInstant = 0;
        }
    }

    /** Runs for {@code durationNs} of simulated time from now; see {@link #runUntilTime}. */
    public void runFor(long durationNs) {
        runUntilTime(Math.addExact(nowNs(), durationNs));
    }

    /**
     * Runs until {@code condition} holds, checking it before the first event and after each one.
     *
     * @param what the condition in words, for the failure report
     * @throws SimulationFailure if the simulation becomes quiescent first, or a limit is crossed first
     */
    public void runUntil(String what, BooleanSupplier condition) {
        while (!condition.getAsBoolean()) {
            if (!step()) {
                throw failure("quiescent before '" + what + "'",
                        "no event is pending, so the condition can never become true", null);
            }
        }
    }

    /** Records a note in the trace under the present event, e.g. a message the network dropped. */
    public void note(Object what) {
        trace.record(new TraceEntry(eventsRun, nowNs(), true, what));
    }

    /**
     * Adds a section to every failure report, such as the fault plan; {@code text} is asked for only
     * when a report is written.
     */
    public void describeOnFailure(String title, Supplier<String> text) {
        report.addContext(title, text);
    }

    /** The invariants checked as this scheduler runs. */
    public Invariants invariants() {
        return invariants;
    }

    public EventTrace trace() {
        return trace;
    }

    /** How many events have run. */
    public long eventsRun() {
        return eventsRun;
    }

    /** How many events are pending and not cancelled. */
    public int pendingEvents() {
        return queue.live();
    }

    /**
     * A hash of the execution so far: which event ran at which instant, in which order. Two runs with
     * equal fingerprints took the same path, bar a hash collision.
     */
    public long fingerprint() {
        return fingerprint;
    }

    /** A failure carrying the full report at the present instant, for the caller to throw. */
    public SimulationFailure failure(String headline, String detail, Throwable cause) {
        return new SimulationFailure(render(headline, detail), cause, seed, nowNs(), eventsRun);
    }

    InvariantViolation violation(String invariant, String detail) {
        String report = render("invariant violated: \"" + invariant + "\"", detail);
        return new InvariantViolation(report, invariant, detail, seed, nowNs(), eventsRun);
    }

    private SimulationLimitExceeded limitExceeded(String limit, long value, String detail) {
        String report = render("simulation limit " + limit + " (" + value + ") exceeded", detail
                + "\nIf the protocol should have settled, this is a livelock or a storm; if the run is"
                + " legitimately longer, raise the limit with SimLimits.with" + Character.toUpperCase(limit.charAt(0))
                + limit.substring(1) + ".");
        return new SimulationLimitExceeded(report, limit, seed, nowNs(), eventsRun);
    }

    private void checkLimitsBefore(Event next) {
        if (eventsRun >= limits.maxEvents()) {
            throw limitExceeded("maxEvents", limits.maxEvents(), "next event: " + next.label);
        }
        if (next.dueNs > limits.maxTimeNs()) {
            throw limitExceeded("maxTimeNs", limits.maxTimeNs(),
                    "next event is due at " + SimTime.format(next.dueNs) + ": " + next.label);
        }
        if (next.dueNs == nowNs() && eventsThisInstant >= limits.maxEventsPerInstant()) {
            throw limitExceeded("maxEventsPerInstant", limits.maxEventsPerInstant(),
                    "simulated time has not moved for that many events; next event: " + next.label);
        }
    }

    private void run(Event event) {
        if (event.dueNs > nowNs()) {
            clock.advanceTo(event.dueNs);
            eventsThisInstant = 0;
        }
        eventsThisInstant++;
        eventsRun++;
        fingerprint = Seeds.mix(Seeds.mix(fingerprint ^ event.sequence) ^ event.dueNs);
        trace.record(new TraceEntry(eventsRun, event.dueNs, false, event.label));
        running = true;
        try {
            event.action.run();
        } catch (SimulationFailure failure) {
            throw failure;
        } catch (RuntimeException | AssertionError e) {
            throw failure("event #" + eventsRun + " '" + event.label + "' threw " + e, null, e);
        } finally {
            running = false;
        }
        invariants.afterEvent(eventsRun);
    }

    @Override
    public String toString() {
        return "SimScheduler[seed " + seed + ", " + SimTime.format(nowNs()) + ", " + eventsRun + " events run, "
                + queue.live() + " pending]";
    }

    private String render(String headline, String detail) {
        return report.render(headline, detail, seed, nowNs(), eventsRun, trace);
    }
}
