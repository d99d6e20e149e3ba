package io.shepherd.testkit.chaos;

import io.shepherd.testkit.sim.Seeds;
import io.shepherd.testkit.time.SimTime;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * How much and what kind of chaos to generate: the recipe a seed turns into a {@link FaultPlan}.
 *
 * <p>Every fault falls inside {@code [0, horizon]}, and every generated fault ends by the horizon
 * (crashed nodes are restarted, partitions healed), so a test can run past the horizon and check that
 * the protocol recovers. The counts are upper bounds: a crash that would take down more than
 * {@link #maxDown} nodes at once, or overlap another crash of the same node, is left out rather than
 * moved, so that the plan stays a simple function of the seed.
 *
 * <pre>{@code
 * FaultPlan plan = ChaosProfile.of(1, 2, 3, 4, 5)
 *         .horizonNs(SimTime.seconds(2))
 *         .crashes(3).maxDown(2)
 *         .partitions(2)
 *         .degradations(2).maxDropRate(0.3).maxDuplicateRate(0.2)
 *         .generate(seed);
 * }</pre>
 *
 * <p>A mutable recipe: configure it, then generate from it as often as needed; generating does not
 * change it.
 */
public final class ChaosProfile {

    int[] nodes;
    int[] crashable;
    long horizonNs = SimTime.seconds(1);
    int crashes = 2;
    int maxDown = -1;
    long downtimeMinNs = SimTime.millis(10);
    long downtimeMaxNs = SimTime.millis(200);
    int partitions = 2;
    long partitionMinNs = SimTime.millis(10);
    long partitionMaxNs = SimTime.millis(300);
    double oneWayShare = 0.3;
    int degradations = 2;
    long degradeMinNs = SimTime.millis(50);
    long degradeMaxNs = SimTime.millis(300);
    double maxDropRate = 0.3;
    double maxDuplicateRate = 0.2;

    private ChaosProfile(int[] nodes) {
        if (nodes.length == 0) {
            throw new IllegalArgumentException("a chaos profile needs at least one node");
        }
        this.nodes = Arrays.stream(nodes).sorted().distinct().toArray();
        this.crashable = this.nodes;
    }

    /**
     * A profile over {@code nodes} with moderate defaults: over one second, up to 2 crashes of 10–200 ms
     * (at most a minority down at once), 2 partitions of 10–300 ms (30% of them one-way) and 2 windows
     * of 50–300 ms with up to 30% loss and 20% duplication.
     */
    public static ChaosProfile of(int... nodes) {
        return new ChaosProfile(nodes.clone());
    }

    /** The plan for {@code seed}: the same seed and profile always give the same plan. */
    public FaultPlan generate(long seed) {
        SplittableRandom random = new SplittableRandom(Seeds.derive(seed, "fault plan"));
        return new FaultPlan("seed " + seed, new FaultPlanGenerator(this, random).generate());
    }

    /** The instant by which every generated fault has begun and ended. */
    public ChaosProfile horizonNs(long value) {
        this.horizonNs = requireAtLeast("horizonNs", value, 1);
        return this;
    }

    /** At most this many crashes, each followed by a restart. */
    public ChaosProfile crashes(int count) {
        this.crashes = (int) requireAtLeast("crashes", count, 0);
        return this;
    }

    /** Only these nodes crash; by default all do. */
    public ChaosProfile crashable(int... ids) {
        for (int id : ids) {
            if (Arrays.binarySearch(nodes, id) < 0) {
                throw new IllegalArgumentException("node " + id + " is not one of " + Arrays.toString(nodes));
            }
        }
        this.crashable = Arrays.stream(ids).sorted().distinct().toArray();
        return this;
    }

    /** At most this many crashable nodes down at once; by default a minority of them (at least one). */
    public ChaosProfile maxDown(int count) {
        this.maxDown = (int) requireAtLeast("maxDown", count, 0);
        return this;
    }

    public ChaosProfile downtimeNs(long minNs, long maxNs) {
        requireRange("downtime", minNs, maxNs);
        this.downtimeMinNs = minNs;
        this.downtimeMaxNs = maxNs;
        return this;
    }

    /** At most this many partitions, each splitting the nodes at random into two non-empty sides. */
    public ChaosProfile partitions(int count) {
        this.partitions = (int) requireAtLeast("partitions", count, 0);
        return this;
    }

    public ChaosProfile partitionLengthNs(long minNs, long maxNs) {
        requireRange("partition length", minNs, maxNs);
        this.partitionMinNs = minNs;
        this.partitionMaxNs = maxNs;
        return this;
    }

    /** The share of partitions that cut one direction only, in [0, 1]. */
    public ChaosProfile oneWayShare(double share) {
        this.oneWayShare = requireProbability("oneWayShare", share);
        return this;
    }

    /** At most this many windows of loss and duplication on every link. */
    public ChaosProfile degradations(int count) {
        this.degradations = (int) requireAtLeast("degradations", count, 0);
        return this;
    }

    public ChaosProfile degradeLengthNs(long minNs, long maxNs) {
        requireRange("degradation length", minNs, maxNs);
        this.degradeMinNs = minNs;
        this.degradeMaxNs = maxNs;
        return this;
    }

    /** Each window drops messages at a rate drawn from {@code [0, rate]}. */
    public ChaosProfile maxDropRate(double rate) {
        this.maxDropRate = requireProbability("maxDropRate", rate);
        return this;
    }

    /** Each window duplicates messages at a rate drawn from {@code [0, rate]}. */
    public ChaosProfile maxDuplicateRate(double rate) {
        this.maxDuplicateRate = requireProbability("maxDuplicateRate", rate);
        return this;
    }

    int effectiveMaxDown() {
        return maxDown >= 0 ? maxDown : Math.max(1, (crashable.length - 1) / 2);
    }

    private static long requireAtLeast(String name, long value, long min) {
        if (value < min) {
            throw new IllegalArgumentException(name + " must be >= " + min + ", got " + value);
        }
        return value;
    }

    private static void requireRange(String name, long minNs, long maxNs) {
        if (minNs < 1 || maxNs < minNs) {
            throw new IllegalArgumentException(name + " needs 1 <= min <= max, got " + minNs + " and " + maxNs);
        }
    }

    private static double requireProbability(String name, double p) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException(name + " must be in [0, 1], got " + p);
        }
        return p;
    }
}
