package io.shepherd.testkit.example;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What happened in one simulated election, recorded on the side by the test (no node can see it), and
 * the safety invariants read from it.
 *
 * <p>The record only grows: a grant or a win is remembered after the node that made it has crashed,
 * which is what lets an invariant catch a restarted node contradicting its previous life.
 */
final class ElectionHistory {

    private record Win(int writer, long epoch) {}

    private final int majority;
    /** epoch -> writer -> journal nodes that granted it that epoch. */
    private final Map<Long, Map<Integer, Set<Integer>>> grants = new TreeMap<>();
    private final Map<Long, Set<Integer>> winners = new TreeMap<>();
    private final List<Win> wins = new ArrayList<>();

    ElectionHistory(int journalNodes) {
        this.majority = journalNodes / 2 + 1;
    }

    void granted(int journalNode, long epoch, int writer) {
        grants.computeIfAbsent(epoch, e -> new TreeMap<>())
                .computeIfAbsent(writer, w -> new TreeSet<>())
                .add(journalNode);
    }

    void won(int writer, long epoch) {
        winners.computeIfAbsent(epoch, e -> new TreeSet<>()).add(writer);
        wins.add(new Win(writer, epoch));
    }

    int elections() {
        return wins.size();
    }

    /** Invariant: at most one writer wins each epoch. */
    String twoWritersInOneEpoch() {
        for (Map.Entry<Long, Set<Integer>> epoch : winners.entrySet()) {
            if (epoch.getValue().size() > 1) {
                return "epoch " + epoch.getKey() + " was won by writers " + epoch.getValue();
            }
        }
        return null;
    }

    /** Invariant: a writer wins an epoch only when a majority of journal nodes granted it that epoch. */
    String winWithoutMajority() {
        for (Win win : wins) {
            Set<Integer> from = grants.getOrDefault(win.epoch(), Map.of()).getOrDefault(win.writer(), Set.of());
            if (from.size() < majority) {
                return "writer " + win.writer() + " won epoch " + win.epoch() + " with grants from only "
                        + from + ", fewer than a majority of " + majority;
            }
        }
        return null;
    }
}
