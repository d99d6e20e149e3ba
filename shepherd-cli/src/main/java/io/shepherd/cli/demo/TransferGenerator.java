package io.shepherd.cli.demo;

/**
 * The demo's input, defined as a pure function of the seed and the transfer id: transfer {@code i}
 * is the same in every run with the same seed, whichever subtask reads it and however often it is
 * read again after a failure. That is what makes the source replayable and lets the verifier
 * recompute the expected outcome without running the engine.
 */
public final class TransferGenerator {
    /** Amounts are drawn from 1 to this, inclusive. */
    public static final long MAX_AMOUNT = 10_000;

    private TransferGenerator() {}

    /**
     * Transfer {@code txId} of a run over {@code accounts} accounts (at least 2): two different
     * accounts, uniformly drawn, and an amount from 1 to {@link #MAX_AMOUNT}.
     */
    public static Transfer transfer(long seed, int accounts, long txId) {
        long h1 = mix(seed ^ mix(txId + 0x632BE59BD9B4E019L));
        long h2 = mix(h1 ^ 0x9E3779B97F4A7C15L);
        long h3 = mix(h2 ^ 0x9E3779B97F4A7C15L);
        int from = (int) Long.remainderUnsigned(h1, accounts);
        // An offset of 1..accounts-1 from the debited account: never a transfer to itself.
        int to = (int) ((from + 1 + Long.remainderUnsigned(h2, accounts - 1)) % accounts);
        long amount = 1 + Long.remainderUnsigned(h3, MAX_AMOUNT);
        return new Transfer(txId, from, to, amount);
    }

    /** SplitMix64's finalizer: a bijection on 64 bits whose outputs look independent. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
