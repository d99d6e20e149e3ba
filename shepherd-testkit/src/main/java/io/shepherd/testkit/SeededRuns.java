package io.shepherd.testkit;

import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.LongConsumer;

/**
 * Runs a randomized check once per seed, so that any failure can be replayed.
 *
 * <p>By default a bounded, fixed sample of seeds runs (what CI runs); {@code -Dshepherd.chaos.full=true}
 * runs the full count, and {@code -Dshepherd.seed=<n>} runs exactly that seed. A failing seed is
 * named in the error, together with the flag that replays it.
 *
 * <pre>{@code
 * SeededRuns.of("wal crash cut", 200, 5_000).forEach(seed -> {
 *     SplittableRandom random = new SplittableRandom(seed);
 *     ...
 * });
 * }</pre>
 */
public final class SeededRuns {

    /** Seeds are derived from this root so that the CI sample is the same on every run. */
    private static final long ROOT_SEED = 0x5EED_0F_5E_E9L;

    private final String name;
    private final int bounded;
    private final int full;

    private SeededRuns(String name, int bounded, int full) {
        if (bounded < 1 || full < bounded) {
            throw new IllegalArgumentException("need 1 <= bounded <= full, got bounded=" + bounded + " full=" + full);
        }
        this.name = name;
        this.bounded = bounded;
        this.full = full;
    }

    /**
     * @param name what the check is, shown when a seed fails
     * @param bounded how many seeds run by default (CI)
     * @param full how many seeds run with {@code -Dshepherd.chaos.full=true}
     */
    public static SeededRuns of(String name, int bounded, int full) {
        return new SeededRuns(name, bounded, full);
    }

    /** True when the full (long) set of chaos and soak runs was asked for. */
    public static boolean fullRun() {
        return Boolean.getBoolean("shepherd.chaos.full");
    }

    /** How many seeds {@link #forEach} runs under the current flags. */
    public int count() {
        if (System.getProperty("shepherd.seed") != null) {
            return 1;
        }
        return fullRun() ? full : bounded;
    }

    /** Runs {@code check} for every seed; the first failure is rethrown with its seed attached. */
    public void forEach(LongConsumer check) {
        String replay = System.getProperty("shepherd.seed");
        if (replay != null) {
            runOne(Long.decode(replay.trim()), check);
            return;
        }
        SplittableRandom seeds = new SplittableRandom(ROOT_SEED ^ name.hashCode());
        for (int i = 0, n = count(); i < n; i++) {
            runOne(seeds.nextLong(), check);
        }
    }

    /** A seed whose check failed, with what it threw. */
    public record Failure(long seed, Throwable error) {}

    /**
     * Runs {@code check} for the seeds of the sample until one fails, and returns that failure instead
     * of throwing it; empty if every seed passed.
     *
     * <p>For tests that prove a check can fail, such as a simulation of a deliberately broken protocol
     * that must be caught. It ignores {@code -Dshepherd.seed}, because replaying one seed of some other
     * test must not make this search come up empty; {@code -Dshepherd.chaos.full=true} widens it.
     */
    public Optional<Failure> findFailure(LongConsumer check) {
        SplittableRandom seeds = new SplittableRandom(ROOT_SEED ^ name.hashCode());
        for (int i = 0, n = fullRun() ? full : bounded; i < n; i++) {
            long seed = seeds.nextLong();
            try {
                check.accept(seed);
            } catch (Throwable failure) {
                return Optional.of(new Failure(seed, failure));
            }
        }
        return Optional.empty();
    }

    private void runOne(long seed, LongConsumer check) {
        try {
            check.accept(seed);
        } catch (Throwable failure) {
            AssertionError error = new AssertionError(
                    "'" + name + "' failed for seed " + seed + "; replay it with -Dshepherd.seed=" + seed
                            + ": " + failure,
                    failure);
            throw error;
        }
    }
}
