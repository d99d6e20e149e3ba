package io.shepherd.testkit.net;

import io.shepherd.testkit.time.SimTime;

/**
 * How a link treats the messages it carries when no partition cuts it.
 *
 * <p>Each message is dropped with probability {@code dropRate}; a message that is not dropped is
 * delivered twice with probability {@code duplicateRate}; each copy takes a latency drawn uniformly
 * from {@code [latencyMinNs, latencyMaxNs]}. Without reordering a link is FIFO, like a TCP connection:
 * a message never arrives before one sent earlier on the same link (it is held back by a nanosecond if
 * its latency would overtake). With reordering every copy travels independently, like UDP datagrams.
 *
 * @param latencyMinNs the shortest time in flight, in nanoseconds
 * @param latencyMaxNs the longest time in flight, in nanoseconds
 * @param dropRate the probability that a message is lost, in [0, 1]
 * @param duplicateRate the probability that a delivered message is delivered twice, in [0, 1]
 * @param reordering whether messages on one link may overtake each other
 */
public record NetworkConditions(
        long latencyMinNs, long latencyMaxNs, double dropRate, double duplicateRate, boolean reordering) {

    /** FIFO links with 1 to 10 ms of latency that lose nothing and duplicate nothing. */
    public static NetworkConditions reliable() {
        return new NetworkConditions(SimTime.millis(1), SimTime.millis(10), 0.0, 0.0, false);
    }

    public NetworkConditions {
        if (latencyMinNs < 0 || latencyMaxNs < latencyMinNs) {
            throw new IllegalArgumentException("need 0 <= latencyMinNs <= latencyMaxNs, got "
                    + latencyMinNs + " and " + latencyMaxNs);
        }
        requireProbability("dropRate", dropRate);
        requireProbability("duplicateRate", duplicateRate);
    }

    public NetworkConditions withLatency(long minNs, long maxNs) {
        return new NetworkConditions(minNs, maxNs, dropRate, duplicateRate, reordering);
    }

    public NetworkConditions withDropRate(double rate) {
        return new NetworkConditions(latencyMinNs, latencyMaxNs, rate, duplicateRate, reordering);
    }

    public NetworkConditions withDuplicateRate(double rate) {
        return new NetworkConditions(latencyMinNs, latencyMaxNs, dropRate, rate, reordering);
    }

    public NetworkConditions withReordering(boolean enabled) {
        return new NetworkConditions(latencyMinNs, latencyMaxNs, dropRate, duplicateRate, enabled);
    }

    static void requireProbability(String name, double p) {
        if (!(p >= 0.0 && p <= 1.0)) {
            throw new IllegalArgumentException(name + " must be in [0, 1], got " + p);
        }
    }
}
