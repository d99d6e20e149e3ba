package io.shepherd.testkit.net;

import java.util.HashMap;
import java.util.Map;

/**
 * Per-link state: conditions that override the network's, and the last arrival time that keeps a
 * FIFO link in order.
 */
final class Links {

    private final Map<Long, NetworkConditions> overrides = new HashMap<>();
    private final Map<Long, Long> lastArrivalNs = new HashMap<>();

    void override(int from, int to, NetworkConditions conditions) {
        if (conditions == null) {
            overrides.remove(key(from, to));
        } else {
            overrides.put(key(from, to), conditions);
        }
    }

    NetworkConditions conditions(int from, int to, NetworkConditions fallback) {
        return overrides.getOrDefault(key(from, to), fallback);
    }

    /**
     * When a copy sent now with {@code latencyNs} arrives: on a FIFO link never before (and never at
     * the same instant as, since ties are broken at random) the previous arrival on that link.
     */
    long arrivalNs(int from, int to, long nowNs, long latencyNs, boolean reordering) {
        long arrival = nowNs + latencyNs;
        if (reordering) {
            return arrival;
        }
        long key = key(from, to);
        Long last = lastArrivalNs.get(key);
        if (last != null && arrival <= last) {
            arrival = last + 1;
        }
        lastArrivalNs.put(key, arrival);
        return arrival;
    }

    private static long key(int from, int to) {
        return ((long) from << 32) | (to & 0xFFFF_FFFFL);
    }
}
