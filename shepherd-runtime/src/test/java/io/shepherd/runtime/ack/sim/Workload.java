package io.shepherd.runtime.ack.sim;

import java.util.ArrayList;
import java.util.List;

/**
 * The job every simulated run executes, a pure function of the input so the expected output is known:
 * source record {@code s1#7} splits into 0 to 3 children {@code s1#7.0, s1#7.1, ...} (0 is a filter).
 */
final class Workload {
    static final int[] SOURCES = {1, 2};
    static final int[] SPLITS = {11, 12};
    static final int[] PAIRS = {21, 22};
    static final int SINK = 31;
    static final int[] ACKERS = {41, 42};

    private Workload() {}

    static String record(int source, long position) {
        return "s" + source + "#" + position;
    }

    static List<String> children(String record) {
        int count = Math.floorMod(record.hashCode() * 31 + 7, 4);
        List<String> children = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            children.add(record + "." + i);
        }
        return children;
    }

    static int splitFor(long position) {
        return SPLITS[(int) (position % SPLITS.length)];
    }

    static int pairFor(String child) {
        return PAIRS[Math.floorMod(child.hashCode(), PAIRS.length)];
    }

    static int[] allNodes() {
        return new int[] {SOURCES[0], SOURCES[1], SPLITS[0], SPLITS[1], PAIRS[0], PAIRS[1], SINK, ACKERS[0], ACKERS[1]};
    }
}
