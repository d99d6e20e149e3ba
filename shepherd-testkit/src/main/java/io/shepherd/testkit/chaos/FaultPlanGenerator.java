package io.shepherd.testkit.chaos;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;

/**
 * Turns a {@link ChaosProfile} and a random stream into faults.
 *
 * <p>Draws happen in a fixed order (crashes, then partitions, then degradations) and a rejected crash
 * still consumes its draws, so that a change to one kind of fault does not reshuffle the others.
 */
final class FaultPlanGenerator {

    private final ChaosProfile profile;
    private final SplittableRandom random;
    private final List<CrashFault> crashes = new ArrayList<>();

    FaultPlanGenerator(ChaosProfile profile, SplittableRandom random) {
        this.profile = profile;
        this.random = random;
    }

    List<Fault> generate() {
        List<Fault> faults = new ArrayList<>();
        for (int i = 0; i < profile.crashes; i++) {
            CrashFault crash = nextCrash();
            if (fits(crash)) {
                crashes.add(crash);
                faults.add(crash);
            }
        }
        if (profile.nodes.length >= 2) {
            for (int i = 0; i < profile.partitions; i++) {
                faults.add(nextPartition());
            }
        }
        for (int i = 0; i < profile.degradations; i++) {
            long[] window = window(profile.degradeMinNs, profile.degradeMaxNs);
            double drop = random.nextDouble() * profile.maxDropRate;
            double duplicate = random.nextDouble() * profile.maxDuplicateRate;
            faults.add(new DegradeFault(drop, duplicate, window[0], window[1]));
        }
        return faults;
    }

    private CrashFault nextCrash() {
        int node = profile.crashable[random.nextInt(profile.crashable.length)];
        long[] window = window(profile.downtimeMinNs, profile.downtimeMaxNs);
        return new CrashFault(node, window[0], window[1]);
    }

    /** A crash fits if its node is up throughout and no more than maxDown nodes are ever down at once. */
    private boolean fits(CrashFault candidate) {
        List<CrashFault> overlapping = new ArrayList<>();
        for (CrashFault crash : crashes) {
            if (crash.startNs() < candidate.endNs() && candidate.startNs() < crash.endNs()) {
                if (crash.node() == candidate.node()) {
                    return false;
                }
                overlapping.add(crash);
            }
        }
        // The most crashes down at once during the candidate's window is reached at one of their starts.
        List<Long> instants = new ArrayList<>();
        instants.add(candidate.startNs());
        overlapping.forEach(crash -> instants.add(Math.max(crash.startNs(), candidate.startNs())));
        for (long instant : instants) {
            int down = 1;
            for (CrashFault crash : overlapping) {
                if (crash.startNs() <= instant && instant < crash.endNs()) {
                    down++;
                }
            }
            if (down > profile.effectiveMaxDown()) {
                return false;
            }
        }
        return true;
    }

    private PartitionFault nextPartition() {
        int[] shuffled = profile.nodes.clone();
        for (int i = shuffled.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = shuffled[i];
            shuffled[i] = shuffled[j];
            shuffled[j] = swap;
        }
        int cut = 1 + random.nextInt(shuffled.length - 1);
        Set<Integer> side = new TreeSet<>();
        Set<Integer> other = new TreeSet<>();
        for (int i = 0; i < shuffled.length; i++) {
            (i < cut ? side : other).add(shuffled[i]);
        }
        boolean oneWay = random.nextDouble() < profile.oneWayShare;
        long[] window = window(profile.partitionMinNs, profile.partitionMaxNs);
        return PartitionFault.of(side, other, oneWay, window[0], window[1]);
    }

    /** A window of a length in {@code [minNs, maxNs]} that starts at or after zero and ends by the horizon. */
    private long[] window(long minNs, long maxNs) {
        long length = Math.min(uniform(minNs, maxNs), profile.horizonNs);
        long start = uniform(0, profile.horizonNs - length);
        return new long[] {start, start + length};
    }

    private long uniform(long min, long max) {
        return min >= max ? min : random.nextLong(min, max + 1);
    }
}
