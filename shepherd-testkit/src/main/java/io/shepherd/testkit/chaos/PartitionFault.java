package io.shepherd.testkit.chaos;

import io.shepherd.testkit.net.NetworkFault;
import io.shepherd.testkit.net.SimNetwork;
import java.util.Collections;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The links between {@code side} and {@code other} are cut from {@code startNs} until {@code endNs}:
 * both ways, or, if {@code oneWay}, only from {@code side} to {@code other}.
 */
public record PartitionFault(SortedSet<Integer> side, SortedSet<Integer> other, boolean oneWay, long startNs, long endNs)
        implements Fault {

    public PartitionFault {
        if (startNs < 0 || endNs <= startNs) {
            throw new IllegalArgumentException("partition needs 0 <= start < end, got " + startNs + " and " + endNs);
        }
        side = Collections.unmodifiableSortedSet(new TreeSet<>(side));
        other = Collections.unmodifiableSortedSet(new TreeSet<>(other));
    }

    /** A partition of {@code side} from {@code other}, converting the sets to sorted ones. */
    public static PartitionFault of(Set<Integer> side, Set<Integer> other, boolean oneWay, long startNs, long endNs) {
        return new PartitionFault(new TreeSet<>(side), new TreeSet<>(other), oneWay, startNs, endNs);
    }

    @Override
    public String describe() {
        return (oneWay ? "one-way partition " + side + " -> " + other : "partition " + side + " | " + other);
    }

    @Override
    public void scheduleOn(SimNetwork<?> network) {
        NetworkFault[] active = new NetworkFault[1];
        network.scheduler().scheduleAt(startNs, "chaos: " + describe(), () -> active[0] = oneWay
                ? network.partitionOneWay(side, other)
                : network.partition(side, other));
        if (endNs != Long.MAX_VALUE) {
            network.scheduler().scheduleAt(endNs, "chaos: heal " + describe(), () -> active[0].heal());
        }
    }
}
