package io.shepherd.runtime.ack.sim;

import io.shepherd.runtime.ack.VerdictKind;
import io.shepherd.testkit.chaos.ChaosProfile;
import io.shepherd.testkit.net.NetworkStats;
import io.shepherd.testkit.net.SimNetwork;
import io.shepherd.testkit.sim.SimLimits;
import io.shepherd.testkit.sim.SimScheduler;
import io.shepherd.testkit.time.SimTime;
import java.util.ArrayList;
import java.util.List;

/**
 * One seeded run of ack mode: two sources, two split (flatMap) tasks, two pair (fan-in) tasks, a sink and
 * two ackers on a simulated network, running {@link Workload} under the {@link Scenario}'s faults, with the
 * safety invariants checked after every event and liveness checked once the run has gone quiet.
 */
final class AckSimulation {
    static final String MAX_PENDING = "no source has more than max pending roots";
    static final String COMPLETED_ONLY_WHEN_WRITTEN = "a record completes only once all its outputs are written";
    static final String COMMITTED_ONLY_WHEN_WRITTEN = "a source commits past a record only once its outputs are written";
    static final long CHAOS_HORIZON_NS = SimTime.seconds(1);

    /** What a finished run left behind, for tests to look at. */
    record Outcome(AckHistory history, NetworkStats stats, long fingerprint) {}

    private final Scenario scenario;
    private final SimScheduler sim;
    private final SimNetwork<SimMessage> net;
    private final AckHistory history = new AckHistory();
    private boolean started;

    AckSimulation(long seed, Scenario scenario) {
        this.scenario = scenario;
        this.sim = new SimScheduler(seed, SimLimits.DEFAULT
                .withMaxTimeNs(SimTime.seconds(120))
                .withMaxEvents(500_000));
        this.net = new SimNetwork<>(sim, scenario.network());
        if (scenario.chaos()) {
            ChaosProfile.of(Workload.allNodes())
                    .horizonNs(CHAOS_HORIZON_NS)
                    .crashes(4).maxDown(2)
                    .partitions(2)
                    .degradations(2).maxDropRate(0.2).maxDuplicateRate(0.2)
                    .generate(seed)
                    .applyTo(net);
        }
    }

    static Outcome run(long seed, Scenario scenario) {
        AckSimulation simulation = new AckSimulation(seed, scenario);
        simulation.start();
        simulation.sim.runUntilQuiescent();
        simulation.checkEverythingCompleted();
        return simulation.outcome();
    }

    /** Adds the tasks and the invariants; the run starts with the next step of the scheduler. */
    void start() {
        if (started) {
            throw new IllegalStateException("the simulation has started already");
        }
        started = true;
        for (int id : Workload.ACKERS) {
            net.addNode(id, ctx -> new AckerNode(ctx, scenario));
        }
        net.addNode(Workload.SINK, ctx -> new SinkNode(ctx, scenario, history));
        for (int id : Workload.PAIRS) {
            net.addNode(id, ctx -> new PairNode(ctx, scenario));
        }
        for (int id : Workload.SPLITS) {
            net.addNode(id, ctx -> new SplitNode(ctx, scenario));
        }
        for (int id : Workload.SOURCES) {
            net.addNode(id, ctx -> SourceNode.start(ctx, scenario, history));
        }
        sim.invariants()
                .addDescribed(MAX_PENDING, this::tooManyPending)
                .addDescribed(COMPLETED_ONLY_WHEN_WRITTEN, history::completedBeforeWritten)
                .addDescribed(COMMITTED_ONLY_WHEN_WRITTEN, history::committedPastUnwritten);
    }

    SimScheduler scheduler() {
        return sim;
    }

    AckHistory history() {
        return history;
    }

    /** The live source task {@code id}; fails if it is down. */
    SourceNode source(int id) {
        return (SourceNode) net.node(id).orElseThrow(() -> new IllegalStateException("source " + id + " is down"));
    }

    SinkNode sink() {
        return (SinkNode) net.node(Workload.SINK).orElseThrow();
    }

    Outcome outcome() {
        return new Outcome(history, net.stats(), sim.fingerprint());
    }

    /**
     * Liveness, once every fault has healed and nothing is left to happen: every root was completed in the
     * end (replayed as often as it took), every expected output was written, and no ledger was left behind.
     */
    void checkEverythingCompleted() {
        List<String> problems = new ArrayList<>();
        for (int id : Workload.SOURCES) {
            SourceNode source = source(id);
            if (!source.finished()) {
                problems.add("source " + id + " has " + source.pending().pending() + " records pending and committed "
                        + history.committed(id) + " of " + scenario.recordsPerSource());
            }
        }
        List<String> missing = history.missingOutputs(scenario.recordsPerSource());
        if (!missing.isEmpty()) {
            problems.add("outputs never written: " + missing);
        }
        for (int id : Workload.ACKERS) {
            int left = ((AckerNode) net.node(id).orElseThrow()).ledger().size();
            if (left > 0) {
                problems.add("acker " + id + " still holds " + left + " ledgers");
            }
        }
        if (!problems.isEmpty()) {
            throw sim.failure("liveness: the run went quiet with work undone", String.join("\n", problems), null);
        }
    }

    private String tooManyPending() {
        for (int id : Workload.SOURCES) {
            if (net.isUp(id)) {
                int pending = source(id).pending().pending();
                if (pending > scenario.ack().maxPending()) {
                    return "source " + id + " has " + pending + " roots pending, max " + scenario.ack().maxPending();
                }
            }
        }
        return null;
    }

    /** A one-line summary of what the sources were told, for reports. */
    static String summary(AckHistory history) {
        return "completed " + history.verdicts(VerdictKind.COMPLETED) + ", failed " + history.verdicts(VerdictKind.FAILED)
                + ", timed out " + history.verdicts(VerdictKind.TIMED_OUT) + ", unknown "
                + history.verdicts(VerdictKind.UNKNOWN) + ", replays " + history.replays + ", probes " + history.probes
                + ", duplicated outputs " + history.duplicatedOutputs();
    }
}
