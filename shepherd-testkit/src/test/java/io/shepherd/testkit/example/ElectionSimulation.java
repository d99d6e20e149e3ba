package io.shepherd.testkit.example;

import io.shepherd.testkit.chaos.ChaosProfile;
import io.shepherd.testkit.chaos.FaultPlan;
import io.shepherd.testkit.net.NetworkConditions;
import io.shepherd.testkit.net.NetworkStats;
import io.shepherd.testkit.net.SimNetwork;
import io.shepherd.testkit.sim.SimLimits;
import io.shepherd.testkit.sim.SimScheduler;
import io.shepherd.testkit.time.SimTime;
import java.util.HashMap;
import java.util.Map;

/**
 * One seeded run of the example election: three journal nodes and two writers on a lossy, duplicating,
 * reordering network under a generated fault plan, with the election's invariants checked after every
 * event. This is the part a protocol test writes itself: the world around the state machines (what is
 * durable, what the invariants read) and how long to run.
 */
final class ElectionSimulation {

    static final int[] JOURNAL_NODES = {1, 2, 3};
    static final int[] WRITERS = {11, 12};
    static final long CHAOS_HORIZON_NS = SimTime.seconds(1);

    static final String ONE_WRITER_PER_EPOCH = "at most one writer wins each epoch";
    static final String MAJORITY_GRANTED = "a writer wins only with grants from a majority";
    static final String PROMISE_NEVER_REGRESSES = "a journal node's promise never goes backwards";

    /** What a finished run left behind, for tests to look at. */
    record Outcome(int elections, NetworkStats stats, long fingerprint, String trace) {}

    private final Flaw flaw;
    private final SimScheduler sim;
    private final SimNetwork<EpochMessage> net;
    private final FaultPlan plan;
    private final ElectionHistory history = new ElectionHistory(JOURNAL_NODES.length);
    /** The journal nodes' disks: the only state that survives their crashes. */
    private final Map<Integer, Long> disk = new HashMap<>();
    /** The highest promise each journal node has been seen to hold, across its incarnations. */
    private final Map<Integer, Long> highestPromiseSeen = new HashMap<>();

    ElectionSimulation(long seed, Flaw flaw, int traceCapacity) {
        this.flaw = flaw;
        this.sim = new SimScheduler(seed, SimLimits.DEFAULT
                .withMaxTimeNs(SimTime.seconds(60))
                .withMaxEvents(200_000)
                .withTraceCapacity(traceCapacity));
        this.net = new SimNetwork<>(sim, NetworkConditions.reliable()
                .withLatency(SimTime.millis(1), SimTime.millis(5))
                .withReordering(true)
                .withDropRate(0.01)
                .withDuplicateRate(0.02));
        this.plan = ChaosProfile.of(1, 2, 3, 11, 12)
                .horizonNs(CHAOS_HORIZON_NS)
                .crashes(4).maxDown(2)
                .partitions(2)
                .degradations(2).maxDropRate(0.3).maxDuplicateRate(0.3)
                .generate(seed);
    }

    static Outcome run(long seed, Flaw flaw) {
        return new ElectionSimulation(seed, flaw, SimLimits.DEFAULT.traceCapacity()).run();
    }

    Outcome run() {
        for (int id : JOURNAL_NODES) {
            net.addNode(id, ctx -> new JournalNode(ctx, new EpochAcceptor(ctx.id(), disk, flaw), history));
        }
        for (int id : WRITERS) {
            net.addNode(id, ctx -> WriterNode.start(
                    ctx, new EpochCandidate(JOURNAL_NODES, flaw, ctx.random(), CHAOS_HORIZON_NS), history));
        }
        sim.invariants()
                .addDescribed(MAJORITY_GRANTED, history::winWithoutMajority)
                .addDescribed(ONE_WRITER_PER_EPOCH, history::twoWritersInOneEpoch)
                .addDescribed(PROMISE_NEVER_REGRESSES, this::promiseRegressed);
        plan.applyTo(net);

        // Writers stop campaigning after the horizon once they have won, so a healthy run goes quiet;
        // one that never does is a livelock, and SimLimits ends it.
        sim.runUntilQuiescent();
        checkEveryWriterWon();
        return new Outcome(history.elections(), net.stats(), sim.fingerprint(), sim.trace().render());
    }

    /** Liveness, checked once every fault has healed and the run has gone quiet. */
    private void checkEveryWriterWon() {
        for (int id : WRITERS) {
            EpochCandidate candidate = ((WriterNode) net.node(id).orElseThrow()).candidate();
            if (candidate.phase() != EpochCandidate.Phase.WON) {
                throw sim.failure("liveness: writer " + id + " holds no epoch after the faults healed",
                        "it is " + candidate.phase() + " and nothing is left to happen", null);
            }
        }
    }

    private String promiseRegressed() {
        for (int id : JOURNAL_NODES) {
            if (!net.isUp(id)) {
                continue;
            }
            long promised = ((JournalNode) net.node(id).orElseThrow()).promised();
            long highest = highestPromiseSeen.getOrDefault(id, 0L);
            if (promised < highest) {
                return "journal node " + id + " had promised epoch " + highest + " but in incarnation "
                        + net.incarnation(id) + " promises only " + promised;
            }
            highestPromiseSeen.put(id, promised);
        }
        return null;
    }
}
