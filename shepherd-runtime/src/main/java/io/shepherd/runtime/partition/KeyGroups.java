package io.shepherd.runtime.partition;

/**
 * Maps keys to key groups and key groups to subtasks.
 *
 * <p>Keyed state is split into {@code maxParallelism} key groups; a subtask owns a contiguous range
 * of them. Rescaling later moves whole key groups, never single keys, and every process computes
 * the same assignment from the key's {@code hashCode} alone.
 */
public final class KeyGroups {
    private KeyGroups() {}

    public static int keyGroupOf(Object key, int maxParallelism) {
        return Math.floorMod(mix(key.hashCode()), maxParallelism);
    }

    public static int subtaskOf(int keyGroup, int maxParallelism, int parallelism) {
        return (int) ((long) keyGroup * parallelism / maxParallelism);
    }

    public static int subtaskOfKey(Object key, int maxParallelism, int parallelism) {
        return subtaskOf(keyGroupOf(key, maxParallelism), maxParallelism, parallelism);
    }

    /** Spreads poor hash codes (small integers, similar strings) over all key groups (murmur3 finalizer). */
    static int mix(int hash) {
        int h = hash;
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        h ^= h >>> 16;
        return h;
    }
}
