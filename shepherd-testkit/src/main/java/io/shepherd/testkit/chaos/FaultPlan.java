package io.shepherd.testkit.chaos;

import io.shepherd.testkit.net.SimNetwork;
import io.shepherd.testkit.time.SimTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * A schedule of faults to inflict on a simulated network: crashes and restarts, partitions, and
 * windows of loss and duplication, each at fixed simulated times.
 *
 * <p>A plan is either generated from a seed by a {@link ChaosProfile} (the same seed and profile
 * always give the same plan) or written by hand with {@link #builder()}, typically to pin down a
 * scenario that a generated plan once found. Its {@link #toString()} is meant to be read: one fault per
 * line, in order of start time, with the seed it came from, and {@link #applyTo} adds it to every
 * failure report of the simulation so that the reader sees what the network was doing.
 */
public final class FaultPlan {

    private static final Comparator<Fault> BY_START = Comparator.comparingLong(Fault::startNs)
            .thenComparingLong(Fault::endNs)
            .thenComparing(Fault::describe);

    private final String origin;
    private final List<Fault> faults;

    FaultPlan(String origin, List<Fault> faults) {
        this.origin = origin;
        List<Fault> sorted = new ArrayList<>(faults);
        sorted.sort(BY_START);
        this.faults = List.copyOf(sorted);
    }

    /** A plan with no faults. */
    public static FaultPlan none() {
        return new FaultPlan("no faults", List.of());
    }

    /** A plan written by hand. */
    public static Builder builder() {
        return new Builder();
    }

    /** The faults, in order of start time. */
    public List<Fault> faults() {
        return faults;
    }

    /** Where the plan came from, e.g. {@code seed 42} or {@code scripted}. */
    public String origin() {
        return origin;
    }

    /**
     * The instant by which every fault has ended, so a test can check liveness after it: 0 for an empty
     * plan, {@link Long#MAX_VALUE} if some fault never ends.
     */
    public long healedByNs() {
        long healed = 0;
        for (Fault fault : faults) {
            healed = Math.max(healed, fault.endNs());
        }
        return healed;
    }

    /**
     * Schedules every fault on the network's scheduler and adds this plan to its failure reports. Call
     * it once per simulation, before the first fault is due.
     */
    public void applyTo(SimNetwork<?> network) {
        network.scheduler().describeOnFailure("fault plan", this::toString);
        for (Fault fault : faults) {
            fault.scheduleOn(network);
        }
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("fault plan from ").append(origin).append(", ")
                .append(faults.size()).append(faults.size() == 1 ? " fault" : " faults");
        if (!faults.isEmpty()) {
            text.append(", all healed by ").append(SimTime.format(healedByNs()));
        }
        text.append(faults.isEmpty() ? "" : ":");
        for (Fault fault : faults) {
            text.append("\n  ").append(SimTime.format(fault.startNs())).append(" .. ")
                    .append(SimTime.format(fault.endNs())).append("  ").append(fault.describe());
        }
        return text.toString();
    }

    /**
     * Collects faults by hand. Times are absolute simulated nanoseconds; a node's crashes must not
     * overlap, since a node cannot crash while it is down.
     */
    public static final class Builder {

        private final List<Fault> faults = new ArrayList<>();

        private Builder() {}

        public Builder crash(int node, long atNs, long restartAtNs) {
            return add(new CrashFault(node, atNs, restartAtNs));
        }

        public Builder crashForever(int node, long atNs) {
            return add(new CrashFault(node, atNs, Long.MAX_VALUE));
        }

        public Builder partition(Set<Integer> side, Set<Integer> other, long fromNs, long untilNs) {
            return add(PartitionFault.of(side, other, false, fromNs, untilNs));
        }

        public Builder partitionOneWay(Set<Integer> from, Set<Integer> to, long fromNs, long untilNs) {
            return add(PartitionFault.of(from, to, true, fromNs, untilNs));
        }

        public Builder degrade(double dropRate, double duplicateRate, long fromNs, long untilNs) {
            return add(new DegradeFault(dropRate, duplicateRate, fromNs, untilNs));
        }

        public Builder add(Fault fault) {
            if (fault instanceof CrashFault crash) {
                for (Fault existing : faults) {
                    if (existing instanceof CrashFault other && other.node() == crash.node()
                            && other.startNs() < crash.endNs() && crash.startNs() < other.endNs()) {
                        throw new IllegalArgumentException("crashes of node " + crash.node() + " overlap: "
                                + SimTime.format(other.startNs()) + " and " + SimTime.format(crash.startNs()));
                    }
                }
            }
            faults.add(fault);
            return this;
        }

        public FaultPlan build() {
            return new FaultPlan("scripted", faults);
        }
    }
}
