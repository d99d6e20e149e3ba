package io.shepherd.testkit.sim;

import java.nio.charset.StandardCharsets;

/**
 * Derives independent seeds from one run seed, one per purpose.
 *
 * <p>Each consumer of randomness in a simulation (the scheduler's tie-breaks, the network's faults,
 * the fault plan, each node) draws from its own stream, derived from the run seed and a name for
 * the purpose. The point is replay stability: a test that starts drawing one more number for its
 * workload does not shift the network's drop decisions, so a failing seed keeps meaning roughly
 * the same scenario while the test around it is edited.
 */
public final class Seeds {

    private Seeds() {}

    /** A seed for {@code purpose}, a pure function of both arguments. */
    public static long derive(long seed, String purpose) {
        long h = mix(seed ^ 0x9E37_79B9_7F4A_7C15L);
        for (byte b : purpose.getBytes(StandardCharsets.UTF_8)) {
            h = mix(h ^ (b & 0xFF));
        }
        return h;
    }

    /** A 64-bit finalizer (the variant of MurmurHash3's fmix64 with Stafford's constants). */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58_476D_1CE4_E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D0_49BB_1331_11EBL;
        return z ^ (z >>> 31);
    }
}
