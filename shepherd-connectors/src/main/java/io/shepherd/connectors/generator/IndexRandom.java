package io.shepherd.connectors.generator;

import java.util.random.RandomGenerator;

/**
 * Random numbers that depend only on a seed and a record index, so that a generator can draw the
 * record at index {@code i} from them and get the same record whoever computes it: any subtask at
 * any parallelism, before or after a restore.
 *
 * <p>The stream for {@code (seed, index)} is SplitMix64 started from a state derived from both:
 * {@code mix(mix(seed) + index * GAMMA)}. Each draw adds the golden-ratio increment to the state and
 * mixes it, which is cheap (a few multiplies and shifts) and passes BigCrush for single streams.
 *
 * <p>One instance is reused for every record of a reader, {@linkplain #reset re-positioned} before
 * each, so generating a record allocates nothing; a function must therefore not keep the instance
 * past the call it was handed in. Not thread-safe.
 *
 * <p><b>Stability.</b> {@link #nextLong()}, {@link #nextLong(long)}, {@link #nextInt()},
 * {@link #nextInt(int)}, {@link #nextDouble()} and {@link #nextBoolean()} are implemented here and
 * give the same values on every JVM and version of this library. The other methods inherited from
 * {@link RandomGenerator} (Gaussian, streams, ranges) are the JDK's defaults built on
 * {@link #nextLong()}; they are deterministic per JDK, but a JDK update could change what they
 * derive, so records that must replay across upgrades should be drawn from the methods above.
 */
public final class IndexRandom implements RandomGenerator {
    /** The odd increment of SplitMix64: 2^64 divided by the golden ratio. */
    private static final long GAMMA = 0x9E3779B97F4A7C15L;

    private final long mixedSeed;
    private long state;

    /** A generator for {@code seed}, positioned at index 0. */
    public IndexRandom(long seed) {
        this.mixedSeed = mix(seed);
        reset(0);
    }

    /** Positions this generator at the start of the stream of {@code index}. */
    public void reset(long index) {
        state = mix(mixedSeed + index * GAMMA);
    }

    @Override
    public long nextLong() {
        state += GAMMA;
        return mix(state);
    }

    @Override
    public int nextInt() {
        return (int) (nextLong() >>> 32);
    }

    /** A uniform value in {@code [0, bound)}. */
    @Override
    public long nextLong(long bound) {
        if (bound <= 0) {
            throw new IllegalArgumentException("bound must be positive, got " + bound);
        }
        long mask = bound - 1;
        if ((bound & mask) == 0) {
            return nextLong() & mask;
        }
        // Rejection keeps the result uniform: draws from the incomplete last block of `bound`
        // values at the top of [0, 2^63) would favour small results, so they are drawn again.
        long limit = Long.MAX_VALUE - (Long.MAX_VALUE % bound + 1) % bound;
        long draw = nextLong() >>> 1;
        while (draw > limit) {
            draw = nextLong() >>> 1;
        }
        return draw % bound;
    }

    /** A uniform value in {@code [0, bound)}. */
    @Override
    public int nextInt(int bound) {
        if (bound <= 0) {
            throw new IllegalArgumentException("bound must be positive, got " + bound);
        }
        return (int) nextLong(bound);
    }

    /** A uniform value in {@code [0, 1)} with 53 random bits. */
    @Override
    public double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    @Override
    public boolean nextBoolean() {
        return nextLong() < 0;
    }

    /** Stafford's variant 13 of the MurmurHash3 finalizer, as used by SplitMix64. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
