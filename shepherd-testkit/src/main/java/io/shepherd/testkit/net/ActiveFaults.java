package io.shepherd.testkit.net;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** The partitions and degradations in force on one network. */
final class ActiveFaults {

    /** Blocks every message from a node in {@code from} to a node in {@code to}. */
    private record Cut(Set<Integer> from, Set<Integer> to) {
        boolean blocks(int sender, int receiver) {
            return from.contains(sender) && to.contains(receiver);
        }
    }

    private final class Partition implements NetworkFault {
        private final List<Cut> cuts;
        private final String description;

        Partition(List<Cut> cuts, String description) {
            this.cuts = cuts;
            this.description = description;
        }

        @Override
        public void heal() {
            partitions.remove(this);
        }

        @Override
        public boolean isActive() {
            return partitions.contains(this);
        }

        @Override
        public String toString() {
            return description;
        }
    }

    private final class Degradation implements NetworkFault {
        final double dropRate;
        final double duplicateRate;

        Degradation(double dropRate, double duplicateRate) {
            this.dropRate = dropRate;
            this.duplicateRate = duplicateRate;
        }

        @Override
        public void heal() {
            degradations.remove(this);
        }

        @Override
        public boolean isActive() {
            return degradations.contains(this);
        }

        @Override
        public String toString() {
            return "degrade: drop " + dropRate + ", duplicate " + duplicateRate;
        }
    }

    private final List<Partition> partitions = new ArrayList<>();
    private final List<Degradation> degradations = new ArrayList<>();

    NetworkFault partition(Set<Integer> side, Set<Integer> other, boolean oneWay) {
        Set<Integer> a = disjointCopy(side, other, "first");
        Set<Integer> b = disjointCopy(other, side, "second");
        List<Cut> cuts = oneWay ? List.of(new Cut(a, b)) : List.of(new Cut(a, b), new Cut(b, a));
        Partition partition = new Partition(cuts, "partition " + a + (oneWay ? " -> " : " | ") + b);
        partitions.add(partition);
        return partition;
    }

    NetworkFault degrade(double dropRate, double duplicateRate) {
        NetworkConditions.requireProbability("dropRate", dropRate);
        NetworkConditions.requireProbability("duplicateRate", duplicateRate);
        Degradation degradation = new Degradation(dropRate, duplicateRate);
        degradations.add(degradation);
        return degradation;
    }

    void healAll() {
        partitions.clear();
        degradations.clear();
    }

    boolean blocks(int from, int to) {
        for (Partition partition : partitions) {
            for (Cut cut : partition.cuts) {
                if (cut.blocks(from, to)) {
                    return true;
                }
            }
        }
        return false;
    }

    double dropRate(double base) {
        double rate = base;
        for (Degradation degradation : degradations) {
            rate = Math.max(rate, degradation.dropRate);
        }
        return rate;
    }

    double duplicateRate(double base) {
        double rate = base;
        for (Degradation degradation : degradations) {
            rate = Math.max(rate, degradation.duplicateRate);
        }
        return rate;
    }

    private static Set<Integer> disjointCopy(Set<Integer> side, Set<Integer> other, String which) {
        if (side.isEmpty()) {
            throw new IllegalArgumentException("the " + which + " side of a partition is empty");
        }
        for (Integer node : side) {
            if (other.contains(node)) {
                throw new IllegalArgumentException("node " + node + " is on both sides of the partition");
            }
        }
        return new TreeSet<>(side);
    }
}
