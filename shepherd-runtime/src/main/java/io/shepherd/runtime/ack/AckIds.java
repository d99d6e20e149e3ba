package io.shepherd.runtime.ack;

import java.util.SplittableRandom;

/**
 * Random 64-bit root and edge ids for one task.
 *
 * <p>Never 0: a root id of 0 means "no root", and an edge id of 0 would leave no trace in its ledger, so a
 * record could go missing without its root noticing. Ids need only make it unlikely that the edges of one
 * tree cancel out early (about 2<sup>-64</sup> per ack), so a fast seeded generator per task does, without
 * sharing anything between tasks. Not thread-safe: one instance per task.
 */
public final class AckIds {
    private final SplittableRandom random;

    public AckIds(SplittableRandom random) {
        this.random = random;
    }

    public AckIds(long seed) {
        this(new SplittableRandom(seed));
    }

    /** A fresh id, never 0. */
    public long next() {
        long id;
        do {
            id = random.nextLong();
        } while (id == 0);
        return id;
    }
}
