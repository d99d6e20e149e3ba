package io.shepherd.cli.demo;

/**
 * What a demo run does: its input (seed, transfers, accounts), how it runs, and what it promises.
 *
 * @param transfers how many transfers the source emits, 1 to {@link #MAX_TRANSFERS}
 * @param accounts how many accounts they move money between, 2 to {@link #MAX_ACCOUNTS}
 * @param parallelism subtasks per operator, 1 to {@link #MAX_PARALLELISM}
 * @param seed the input's seed: the same seed gives the same transfers
 * @param openingBalance every account's balance before the first transfer
 * @param guarantee what the verification demands
 * @param mechanism how failures are recovered from
 * @param failures how many failures to inject; none without a recovery mechanism
 */
public record DemoSpec(
        long transfers,
        int accounts,
        int parallelism,
        long seed,
        long openingBalance,
        Guarantee guarantee,
        RecoveryMechanism mechanism,
        int failures) {
    public static final long MAX_TRANSFERS = 1_000_000_000L;
    public static final int MAX_ACCOUNTS = 100_000_000;
    /** Far beyond what one machine runs well; a bound, so a typo cannot start a million tasks. */
    public static final int MAX_PARALLELISM = 1024;
    public static final long DEFAULT_OPENING_BALANCE = 1_000_000;

    public DemoSpec {
        if (guarantee == null || mechanism == null) {
            throw new IllegalArgumentException("guarantee and mechanism must be given");
        }
        if (transfers < 1 || transfers > MAX_TRANSFERS) {
            throw new IllegalArgumentException("transfers must be in 1.." + MAX_TRANSFERS + ", got " + transfers);
        }
        if (accounts < 2 || accounts > MAX_ACCOUNTS) {
            throw new IllegalArgumentException("accounts must be in 2.." + MAX_ACCOUNTS + ", got " + accounts);
        }
        if (parallelism < 1 || parallelism > MAX_PARALLELISM) {
            throw new IllegalArgumentException("parallelism must be in 1.." + MAX_PARALLELISM + ", got " + parallelism);
        }
        if (failures < 0) {
            throw new IllegalArgumentException("failures must be >= 0, got " + failures);
        }
        if (failures > 0 && mechanism == RecoveryMechanism.NONE) {
            throw new IllegalArgumentException("injecting failures needs a recovery mechanism: with none, the first "
                    + "failure ends the run");
        }
    }

    /** A run without failures, exactly-once, as the demo does today. */
    public static DemoSpec of(long transfers, int accounts, int parallelism, long seed) {
        return new DemoSpec(transfers, accounts, parallelism, seed, DEFAULT_OPENING_BALANCE,
                Guarantee.EXACTLY_ONCE, RecoveryMechanism.NONE, 0);
    }

    /** Two legs per transfer. */
    public long legsExpected() {
        return transfers * 2;
    }
}
